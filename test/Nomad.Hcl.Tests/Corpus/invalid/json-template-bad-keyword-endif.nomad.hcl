{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["%{ foo } x %{ endif }"]}}}}}}}}
