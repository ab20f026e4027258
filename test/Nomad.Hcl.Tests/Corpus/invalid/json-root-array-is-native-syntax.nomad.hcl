[
  {"variable": {"n": {"default": 3}}},
  {"job": {"arr": {"group": {"g": {"count": "${var.n}", "task": [{"a": {"driver": "exec"}}, {"b": {"driver": "exec", "lifecycle": {"hook": "prestart"}}}]}}}}}
]
