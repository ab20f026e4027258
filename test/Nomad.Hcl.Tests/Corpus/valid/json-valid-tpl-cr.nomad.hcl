{"job": {"a": {"region": "a\rb ${1}"}}}
