{
  "job": {
    "config-watcher": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "app": {
          "task": {
            "app": {
              "driver": "docker",
              "template": [
                {
                  "destination": "local/config.yml",
                  "change_mode": "script",
                  "left_delimiter": "[[",
                  "right_delimiter": "]]",
                  "change_script": {
                    "command": "/usr/local/bin/reload",
                    "args": [
                      "--graceful"
                    ],
                    "timeout": "10s"
                  },
                  "data": "feature_flags: [[ key \"app/flags\" ]]\nregion: [[ env \"NOMAD_REGION\" ]]\n"
                },
                {
                  "source": "local/static.tpl",
                  "destination": "local/static.conf",
                  "perms": "0600",
                  "splay": "0s",
                  "change_mode": "noop"
                }
              ],
              "config": {
                "image": "example/app:2"
              }
            }
          }
        }
      }
    }
  }
}
