{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"image": "\t\t\t\t${nope}"}}}}}}}}
