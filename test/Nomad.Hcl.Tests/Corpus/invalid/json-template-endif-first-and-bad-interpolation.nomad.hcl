{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["a %{ endif } b ${%}"]}}}}}}}}
