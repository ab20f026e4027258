{
  "job": {
    "video-encode": {
      "type": "batch",
      "datacenters": [
        "dc1"
      ],
      "parameterized": {
        "payload": "required",
        "meta_required": [
          "input"
        ],
        "meta_optional": [
          "preset"
        ]
      },
      "meta": {
        "team": "media"
      },
      "group": {
        "encode": {
          "task": {
            "ffmpeg": {
              "driver": "docker",
              "dispatch_payload": {
                "file": "input.json"
              },
              "config": {
                "image": "jrottenberg/ffmpeg:6",
                "args": [
                  "-i",
                  "${NOMAD_META_input}",
                  "-preset",
                  "${NOMAD_META_preset}"
                ]
              },
              "resources": ["cpu", 2000]
            }
          }
        }
      }
    }
  }
}
