{"variable": {"v": {"type": "strin", "default": "x"}}, "job": {"a": {}}}
