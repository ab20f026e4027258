{
  "job": {
    "canonicalize-blocks": {
      "datacenters": [
        "dc1"
      ],
      "type": "service",
      "multiregion": {
        "strategy": {
          "max_parallel": 1
        },
        "region": [
          {
            "east": {
              "count": 2,
              "datacenters": [
                "dc1"
              ]
            }
          },
          {
            "west": {}
          }
        ]
      },
      "ui": {
        "description": "x",
        "link": {
          "label": "docs",
          "url": "https://example.com"
        }
      },
      "group": {
        "g": {
          "disconnect": {
            "lost_after": "1h"
          },
          "migrate": {
            "max_parallel": 2
          },
          "spread": {
            "attribute": "${node.datacenter}"
          },
          "affinity": {
            "attribute": "${node.class}",
            "value": "x"
          },
          "scaling": {
            "max": 5
          },
          "volume": {
            "v": {
              "type": "host",
              "source": "v"
            }
          },
          "task": {
            "plugin": {
              "driver": "docker",
              "config": {
                "image": "csi:1"
              },
              "csi_plugin": {
                "id": "ebs",
                "type": "node"
              },
              "consul": {},
              "vault": {
                "policies": [
                  "p"
                ]
              },
              "identity": {
                "name": "vault_default",
                "aud": [
                  "vault.io"
                ]
              },
              "volume_mount": {
                "volume": "v",
                "destination": "/v"
              },
              "template": {
                "data": "x",
                "destination": "local/x",
                "change_mode": "script",
                "change_script": {
                  "command": "/bin/true"
                }
              },
              "secret": {
                "s": {
                  "provider": "nomad",
                  "path": "p"
                }
              },
              "artifact": {
                "source": "https://example.com/file.txt",
                "mode": "file"
              },
              "resources": {
                "cpu": 100,
                "numa": {
                  "affinity": "prefer"
                },
                "device": {
                  "nvidia/gpu": {
                    "affinity": {
                      "attribute": "${device.attr.memory}",
                      "value": "4 GiB",
                      "operator": ">="
                    },
                    "constraint": {
                      "attribute": "${device.model}",
                      "value": "x"
                    }
                  }
                },
                "network": {
                  "mbits": 10,
                  "port": {
                    "p": {}
                  }
                }
              },
              "logs": {
                "disabled": true
              },
              "scaling": {
                "cpu": {
                  "max": 1000,
                  "policy": {
                    "a": 1
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
