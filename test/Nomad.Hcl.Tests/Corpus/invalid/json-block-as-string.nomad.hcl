{"job": {"a": {"group": "g"}}}
