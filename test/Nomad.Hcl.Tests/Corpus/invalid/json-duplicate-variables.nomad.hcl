{"variables": {"x": 1, "x": 2}, "job": {"a": {}}}
