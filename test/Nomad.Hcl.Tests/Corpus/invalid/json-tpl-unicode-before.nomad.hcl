{"job": {"a": {"region": "héllo ${var.nope}"}}}
