{
  "job": {
    "backup": {
      "type": "batch",
      "periodic": {
        "cron": "@daily",
        "prohibit_overlap": true
      },
      "group": {
        "backup": {
          "volume": {
            "archive": {
              "type": "csi",
              "source": "archive-vol",
              "read_only": false,
              "attachment_mode": "file-system",
              "access_mode": "single-node-writer",
              "per_alloc": false,
              "mount_options": {
                "fs_type": "ext4",
                "mount_flags": [
                  "noatime"
                ]
              }
            }
          },
          "disconnect": {
            "lost_after": "1h",
            "replace": false,
            "reconcile": "keep_original"
          },
          "task": {
            "dump": {
              "driver": "docker",
              "config": {
                "image": "postgres:16",
                "command": "pg_dumpall"
              },
              "volume_mount": {
                "volume": "archive",
                "destination": "/archive"
              },
              "resources": {
                "cpu": 500,
                "memory": 256
              }
            }
          }
        }
      }
    }
  }
}
