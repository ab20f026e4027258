{
  "job": {
    "canonicalize-gateways": {
      "datacenters": [
        "dc1"
      ],
      "group": [
        {
          "ingress": {
            "network": {
              "mode": "bridge",
              "port": {
                "inbound": {
                  "static": 8080,
                  "to": 8080
                }
              }
            },
            "service": {
              "name": "ingress-gw",
              "port": "8080",
              "connect": {
                "gateway": {
                  "proxy": {
                    "connect_timeout": "3s",
                    "envoy_gateway_bind_addresses": {
                      "web": {
                        "address": "0.0.0.0",
                        "port": 8080
                      }
                    },
                    "config": {
                      "x": "y"
                    }
                  },
                  "ingress": {
                    "tls": {
                      "enabled": true,
                      "tls_min_version": "TLSv1_2",
                      "cipher_suites": [
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
                      ]
                    },
                    "listener": [
                      {
                        "port": 8080,
                        "protocol": "http",
                        "service": {
                          "name": "web",
                          "hosts": [
                            "example.com"
                          ],
                          "request_headers": {
                            "add": {
                              "X-A": "1"
                            },
                            "remove": [
                              "X-B"
                            ]
                          },
                          "response_headers": {
                            "set": {
                              "X-C": "2"
                            }
                          },
                          "max_connections": 100
                        }
                      },
                      {
                        "port": 9000,
                        "service": {
                          "name": "tcp-svc",
                          "hosts": [],
                          "request_headers": {
                            "remove": []
                          }
                        }
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        {
          "terminating": {
            "network": {
              "mode": "bridge"
            },
            "service": {
              "name": "term-gw",
              "connect": {
                "gateway": {
                  "proxy": {},
                  "terminating": {
                    "service": [
                      {
                        "name": "legacy",
                        "ca_file": "/ca.pem",
                        "cert_file": "/cert.pem",
                        "key_file": "/key.pem",
                        "sni": "legacy.example"
                      },
                      {
                        "name": "other"
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        {
          "mesh": {
            "network": {
              "mode": "bridge",
              "port": {
                "mesh_wan": {}
              }
            },
            "service": {
              "name": "mesh-gw",
              "port": "mesh_wan",
              "connect": {
                "gateway": {
                  "proxy": {},
                  "mesh": {}
                }
              }
            }
          }
        },
        {
          "native": {
            "task": {
              "app": {
                "driver": "docker",
                "config": {
                  "image": "native:1"
                },
                "service": {
                  "name": "native-svc",
                  "task": "app",
                  "connect": {
                    "native": true
                  }
                }
              }
            }
          }
        }
      ]
    }
  }
}
