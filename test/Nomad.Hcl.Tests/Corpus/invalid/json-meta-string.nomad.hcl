{"job": {"a": {"meta": "x"}}}
