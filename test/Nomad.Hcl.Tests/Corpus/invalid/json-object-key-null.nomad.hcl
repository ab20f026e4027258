{"job": {"a": {"datacenters": ["dc1"], "group": {"g": {"task": {"t": {"driver": "docker", "config": {"labels": {"${null}": "1", "y": "2"}}}}}}}}}
