{"job": {"a": {"region": "line1\nline2 ${nope.x}"}}}
