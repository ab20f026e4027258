{
  "job": {
    "config-watcher": ["datacenters", ["dc1"]]
  }
}
