{"job": {"a": {"group": {"g": {"task": ["t"]}}}}}
