{"job": {"a": {"region": "abc%"}}}
