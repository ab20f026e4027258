{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"image": "\u00e9\u00e9ééé${x}", "args": ["\u20ac\u20ac ☕☕ ${ y }"]}}}}}}}}
