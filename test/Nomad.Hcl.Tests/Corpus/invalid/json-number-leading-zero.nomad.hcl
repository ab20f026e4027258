{"job": {"x": {"priority": 01}}}
