{
  "//": "a comment at the root",
  "variable": {
    "image": {"type": "string", "default": "nginx:${tag}", "description": "literal: no template"},
    "ports": {"type": "list(number)", "default": [8080, 8081]},
    "tags": {"type": "map(string)", "default": {"team": "web", "tier": "${x}"}}
  },
  "variables": {"region_name": "eu-west", "//": "not a variable"},
  "locals": {
    "prefix": "${var.region_name}-web",
    "script": "#!/bin/sh\necho \"${var.image}\"\n%{ for p in var.ports ~}\nport ${p}\n%{ endfor ~}\n",
    "escaped": "$${NOMAD_ALLOC_ID} and %%{ not a directive }",
    "obj": {"a": 1, "${var.region_name}": true, "list": [1, "two", null, false]}
  },
  "job": {
    "syntax": {
      "//": "job comment",
      "datacenters": ["dc1", "${local.prefix}"],
      "meta": {"owner": "ops", "script_len": "${length(split(\"\\n\", local.script))}", "with.dot": "yes"},
      "constraint": [
        {"attribute": "${attr.kernel.name}", "value": "linux"},
        {"distinct_hosts": true}
      ],
      "affinity": null,
      "group": [
        {"web": {
          "count": 2,
          "network": {"port": {"http": {"to": 8080}, "admin": {}}},
          "service": [
            {"name": "web", "port": "http", "tags": ["${var.tags.team}"], "meta": {"k": "v"},
             "check": [{"type": "http", "path": "/", "interval": "10s", "timeout": "2s"}]}
          ],
          "task": {
            "server": {
              "driver": "docker",
              "config": {"image": "${var.image}", "ports": ["http"], "labels": {"a": "b"}, "mount": [{"type": "bind", "target": "/x"}], "args": ["-v", "${NOMAD_PORT_http}"]},
              "env": {"PREFIX": "${local.prefix}", "ESC": "${local.escaped}", "OBJ": "${jsonencode(local.obj)}"},
              "template": [
                {"data": "${local.script}", "destination": "local/run.sh", "perms": "0755"},
                {"data": "{{ key \"a\" }}\n", "destination": "local/b", "change_mode": "signal", "change_signal": "SIGHUP"}
              ],
              "resources": {"cpu": 100, "memory": 64},
              "kill_timeout": "20s"
            }
          }
        }},
        {"worker": [{
          "task": {"w": {"driver": "exec", "config": {"command": "/bin/w"}, "meta": {"n": 1}}}
        }]}
      ]
    }
  }
}
