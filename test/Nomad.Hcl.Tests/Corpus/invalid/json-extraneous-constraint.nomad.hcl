{"job": {"a": {"constraint": {"atribute": "x", "value": "y"}}}}
