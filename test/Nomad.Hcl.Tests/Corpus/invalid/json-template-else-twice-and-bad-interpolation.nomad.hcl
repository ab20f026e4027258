{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["%{ if true } a %{ else } b %{ else } c %{ endif } ${1 +}"]}}}}}}}}
