{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["%{ for x in } a"]}}}}}}}}
