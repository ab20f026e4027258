{
  "locals": {"services": {"a": 8001, "b": 8002}},
  "job": {"dyn": {
    "vault": {"policies": ["p"]},
    "task": {"lone": {"driver": "exec", "config": {"command": "/bin/true"}}},
    "group": {"g": {
      "network": {"dynamic": {"port": {"for_each": "${local.services}", "iterator": "svc", "labels": ["${svc.key}"], "content": {"static": "${svc.value}"}}}},
      "dynamic": {"service": {"for_each": "${keys(local.services)}", "content": {"name": "svc-${service.value}", "port": "${service.value}"}}},
      "scaling": {"min": 1, "max": 3},
      "task": {"t": {
        "driver": "docker",
        "config": {"image": "x"},
        "scaling": {"cpu": {"min": 50, "max": 500, "policy": {"check": {"c": {"source": "prometheus"}}}}},
        "dynamic": {"constraint": {"for_each": ["a", "b"], "content": {"attribute": "attr.unique.${constraint.value}", "value": "1"}}}
      }}
    }}
  }}
}
