{
  "job": {
    "mysql": {
      "datacenters": [
        "us-east-1a"
      ],
      "group": {
        "mysql": {
          "count": 1,
          "volume": {
            "data": {
              "type": "csi",
              "source": "mysql-data",
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
          "task": {
            "mysql": {
              "driver": "docker",
              "volume_mount": {
                "volume": "data",
                "destination": "/var/lib/mysql"
              },
              "config": {
                "image": "mysql:8.0"
              },
              "env": {
                "MYSQL_DATABASE": "app"
              }
            }
          }
        }
      }
    }
  }
}
