{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["${1 +} ${2 +} ${3 +}"]}}}}}}}}
