{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"labels": {"x": "1", "x": "2"}, "image": "redis"}}}}}}}}
