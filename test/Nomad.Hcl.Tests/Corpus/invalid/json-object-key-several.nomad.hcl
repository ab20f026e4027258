{"job": {"a": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"labels": {"x": "1", "x": "2", "${null}": "3", "${nope(1)}": "4", "y": "${5 + true}"}}}}}}}}}
