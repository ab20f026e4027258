{"job": {"a": {"group": {"g": {"dynamic": {"nope": {"for_each": [1], "content": {}}}}}}}}
