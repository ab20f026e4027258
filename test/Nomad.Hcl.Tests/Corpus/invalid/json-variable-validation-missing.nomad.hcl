{"variable": {"v": {"default": "x", "validation": {"condition": "${var.v != \"\"}"}}}, "job": {"a": {}}}
