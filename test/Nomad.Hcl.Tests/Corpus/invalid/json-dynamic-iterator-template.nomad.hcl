{"job": {"a": {"group": {"g": {"network": {"dynamic": {"port": {"for_each": [1], "iterator": "${p}", "labels": ["x"], "content": {}}}}}}}}}
