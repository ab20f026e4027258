{"job": {"a": {"region": "a\rb ${1} \\\\n \\\\q"}}}
