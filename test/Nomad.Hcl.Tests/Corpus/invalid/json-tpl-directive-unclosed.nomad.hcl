{"job": {"a": {"region": "%{ if true }x"}}}
