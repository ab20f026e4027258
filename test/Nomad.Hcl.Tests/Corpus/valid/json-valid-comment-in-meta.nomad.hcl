{"job": {"a": {"meta": {"//": "kept?"}}}}
