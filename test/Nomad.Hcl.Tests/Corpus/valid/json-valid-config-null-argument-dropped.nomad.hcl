{"job": {"x": {"group": {"g": {"task": {"t": {"driver": "d", "config": {"a": null, "b": [null]}}}}}}}}
