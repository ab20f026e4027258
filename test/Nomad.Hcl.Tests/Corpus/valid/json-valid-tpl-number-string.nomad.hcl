{"job": {"a": {"priority": "70", "group": {"g": {"count": "${1+1}"}}}}}
