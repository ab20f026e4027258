{"job": {"a": {"group": {}}}}
