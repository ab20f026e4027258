{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "d", "env": {"A": "\"q\" ${node.unique.name}"}}}}}}}}
