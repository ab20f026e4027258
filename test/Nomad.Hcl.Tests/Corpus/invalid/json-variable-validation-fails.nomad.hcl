{"variable": {"v": {"default": "", "validation": {"condition": "${var.v != \"\"}", "error_message": "must be set ${nope}"}}}, "job": {"a": {}}}
