{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["%{ if } z", "%{ if } z"]}}}}}}}}
