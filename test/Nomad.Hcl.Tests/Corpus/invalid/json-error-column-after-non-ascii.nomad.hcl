{"job": {"a": {"meta": {"note": "café ☕ 👍🏽\t\""}, "groupx": 1}}}
