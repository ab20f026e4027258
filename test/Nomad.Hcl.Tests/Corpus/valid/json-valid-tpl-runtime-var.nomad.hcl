{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "d", "env": {"A": "${node.unique.name}", "B": "x-${attr.cpu.arch}-y", "C": "${NOMAD_ALLOC_ID}"}}}}}}}}
