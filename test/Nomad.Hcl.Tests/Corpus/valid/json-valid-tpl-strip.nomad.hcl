{"job": {"a": {"region": "  ${ \"x\" ~}   y"}}}
