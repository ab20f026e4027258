{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"args": ["a ${1 +} b ${", "x ${%} y ${1+}", "%{ if } z"]}}}}}}}}
