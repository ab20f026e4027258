{"locals": {"x": 1}}
