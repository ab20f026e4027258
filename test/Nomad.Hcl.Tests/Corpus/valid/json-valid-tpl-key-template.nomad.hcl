{"locals": {"k": "kk"}, "job": {"a": {"meta": {"${local.k}": "v", "p-${local.k}": "w"}}}}
