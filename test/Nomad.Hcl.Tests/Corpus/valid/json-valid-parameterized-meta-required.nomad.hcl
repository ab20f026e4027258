{
  "job": {
    "video-encode": {
      "datacenters": [
        "dc1"
      ],
      "type": "batch",
      "parameterized": {
        "payload": "required",
        "meta_required": [
          "input_url"
        ],
        "meta_optional": [
          "preset",
          "priority"
        ]
      },
      "meta": {
        "preset": "medium"
      },
      "group": {
        "encode": {
          "task": {
            "ffmpeg": {
              "driver": "docker",
              "dispatch_payload": {
                "file": "job.json"
              },
              "config": {
                "image": "jrottenberg/ffmpeg:6.0-alpine",
                "args": [
                  "-i",
                  "${NOMAD_META_input_url}",
                  "-preset",
                  "${NOMAD_META_preset}",
                  "local/out.mp4"
                ]
              },
              "resources": {
                "cores": 2,
                "memory": 2048
              }
            }
          }
        }
      }
    }
  }
}
