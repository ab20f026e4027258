{"job": {"a": {"all_at_once": "true"}}}
