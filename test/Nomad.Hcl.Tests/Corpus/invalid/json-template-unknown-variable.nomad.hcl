{"job": {"a": {"region": "${var.nope}"}}}
