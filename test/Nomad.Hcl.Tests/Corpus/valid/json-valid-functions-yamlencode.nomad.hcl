{
  "locals": {
    "config": {
      "service": {
        "name": "api",
        "port": 8080,
        "ratio": 0.25,
        "tiny": 0.0000001,
        "big": 1e21,
        "enabled": true,
        "owner": null,
        "tags": [
          "web",
          "1",
          "true",
          "",
          " padded "
        ],
        "empty": [],
        "none": {},
        "nested": [
          [
            1,
            2
          ],
          [],
          [
            {
              "a": 1,
              "b": [
                true
              ]
            }
          ]
        ],
        "script": "#!/bin/sh\nexec api --port 8080\n",
        "no_final": "first\nsecond",
        "keep": "kept\n\n",
        "indented": "  indented\nline\n",
        "trailing": "space \nbreak",
        "tabbed": "tab\there\nnext",
        "quotes": "say \"hi\" \\ bye",
        "unicode": "grüße ☃ \u00A0 \u2028 \u0085 \u007F",
        "long": "${join(\" \", [for i in range(30) : \"word${i}\"])}",
        "long_in": {
          "deeper": {
            "text": "${join(\" \", [for i in range(25) : \"item-${i}\"])}"
          }
        },
        "spaces": "${join(\" \", [for i in range(40) : \"w\"])}  ${join(\" \", [for i in range(40) : \"w\"])}"
      },
      "multi\nline key": "value",
      "${\"${join(\"\", [for i in range(130) : \"k\"])}\"}": 1,
      "${\"${join(\" \", [for i in range(30) : \"long-key\"])}\"}": [
        1,
        2
      ]
    }
  },
  "job": {
    "rendered": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "number": "${yamlencode(42)}",
        "negative": "${yamlencode(-1.5)}",
        "bool": "${yamlencode(false)}",
        "null_value": "${yamlencode(null)}",
        "string": "${yamlencode(\"hello\")}",
        "multiline": "${yamlencode(\"a\\nb\\n\")}",
        "only_break": "${yamlencode(\"\\n\")}",
        "empty_list": "${yamlencode([])}",
        "empty_map": "${yamlencode({})}",
        "list": "${yamlencode([1, \"two\", [3], { four = 4 }])}",
        "round_trip": "${jsonencode(yamldecode(yamlencode(local.config.service)))}"
      },
      "group": {
        "api": {
          "task": {
            "server": {
              "driver": "docker",
              "config": {
                "image": "api:1.0"
              },
              "template": {
                "destination": "local/config.yaml",
                "data": "${yamlencode(local.config)}"
              }
            }
          }
        }
      }
    }
  }
}
