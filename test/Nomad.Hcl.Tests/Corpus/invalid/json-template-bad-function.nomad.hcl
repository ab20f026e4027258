{"job": {"a": {"region": "${upper(1, 2)}"}}}
