{"job": {"a": {"priority": 10, "priority": 20}}}
