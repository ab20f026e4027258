{"job": {"a": {"region": "a\"b\\n${var.nope}"}}}
