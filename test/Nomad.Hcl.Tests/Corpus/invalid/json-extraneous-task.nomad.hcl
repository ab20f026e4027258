{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "exec", "confg": {"command": "x"}, "resource": {}}}}}}}}
