{"job": {"a": {"region": "abc$"}}}
