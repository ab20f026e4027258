{"job": {"a": {"group": {"g": {"vault": "x", "task": {"t": {"driver": "exec"}}}}}}}
