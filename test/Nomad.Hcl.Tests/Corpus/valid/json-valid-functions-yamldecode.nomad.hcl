{
  "locals": {
    "settings": "${yamldecode(<<-YAML\n    name: api\n    replicas: 3\n    ratio: .5\n    enabled: yes\n    debug: off\n    answer: \"yes\"\n    nothing: ~\n    empty:\n    hex: 0x1F\n    octal: 0o17\n    leading_zero: 017\n    binary: 0b101\n    grouped: 1_000\n    grouped_float: 1_000.5\n    sci: 1e3\n    released: 2001-12-14\n    stamp: 2001-12-14t21:59:43.10-05:00\n    spaced: 2001-12-14 21:59:43.10\n    quoted_number: '42'\n    tagged_str: !!str 12\n    tagged_int: !!int \"12\"\n    tagged_null: !!null anything\n    binary_data: !!binary aGVsbG8=\n    literal: |\n      line one\n      line two\n    folded: >-\n      folded\n      text\n    block_number: |-\n      123\n    y: key resolved as a bool\n    n: 7\n    ports: [80, 443]\n    base: &base\n      cpu: 500\n      memory: 256\n    sized:\n      <<: *base\n      memory: 512\n    list:\n      - a\n      - {b: c}\n      - [d, e]\n    YAML\n  )}"
  },
  "job": {
    "yaml-settings": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "all": "${jsonencode(local.settings)}",
        "name": "${local.settings.name}",
        "replicas": "${local.settings.replicas + 1}",
        "enabled": "${local.settings.enabled}",
        "scalar": "${jsonencode(yamldecode(\"plain text\"))}",
        "sequence": "${jsonencode(yamldecode(\"- 1\\n- two\\n- null\\n\"))}",
        "flow": "${jsonencode(yamldecode(\"{a: [1, {b: 2}], c: 'x'}\"))}",
        "empty_map": "${jsonencode(yamldecode(\"{}\"))}",
        "doc_marker": "${jsonencode(yamldecode(\"--- 5\\n...\\n\"))}",
        "duplicate": "${jsonencode(yamldecode(\"a: 1\\na: 2\\n\"))}",
        "escapes": "${yamldecode(\"\\\"tab\\\\there \\\\u00e9\\\"\")}"
      },
      "group": {
        "api": {
          "count": "${local.settings.replicas}",
          "task": {
            "server": {
              "driver": "docker",
              "config": {
                "image": "api:${local.settings.name}",
                "ports": "${local.settings.ports}"
              }
            }
          }
        }
      }
    }
  }
}
