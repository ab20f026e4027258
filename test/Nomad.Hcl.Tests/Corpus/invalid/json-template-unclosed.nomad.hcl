{"job": {"a": {"region": "${var.x"}}}
