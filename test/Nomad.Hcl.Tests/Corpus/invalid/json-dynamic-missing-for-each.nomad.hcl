{"job": {"a": {"group": {"g": {"network": {"dynamic": {"port": {"labels": ["x"], "content": {}}}}}}}}}
