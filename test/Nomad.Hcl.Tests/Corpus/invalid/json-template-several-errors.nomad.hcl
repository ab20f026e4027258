{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"image": "a ${1 +} b ${2 *} c ${)}"}}}}}}}}
