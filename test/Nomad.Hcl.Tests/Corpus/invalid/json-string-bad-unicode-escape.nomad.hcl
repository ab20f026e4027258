{"job": {"x": {"meta": {"k": "caf\u00zz"}}}}
