{"variable": {"v": {"defualt": 1}}, "job": {"a": {}}}
