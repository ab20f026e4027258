{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "exec", "scaling": {"disk": {"max": 1}}}}}}}}}
