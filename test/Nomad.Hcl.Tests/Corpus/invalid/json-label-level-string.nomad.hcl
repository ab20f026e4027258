{"job": {"a": {"group": {"g": "body"}}}}
