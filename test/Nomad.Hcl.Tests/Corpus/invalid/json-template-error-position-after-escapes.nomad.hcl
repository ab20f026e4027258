{"job": {"a": {"meta": {"note": "café ☕ 👍🏽"}, "group": {"g": {"task": {"t": {"driver": "docker", "config": {"image": "\u00e9\n☕ é ${1 +}"}}}}}}}}
