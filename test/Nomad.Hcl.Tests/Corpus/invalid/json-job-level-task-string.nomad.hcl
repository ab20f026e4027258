{"job": {"a": {"task": "x"}}}
