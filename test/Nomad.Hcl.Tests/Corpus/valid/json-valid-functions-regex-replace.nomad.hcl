{
  "locals": {
    "host": "web-01.eu-west.example.com"
  },
  "job": {
    "regex": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "named_groups": "${regex_replace(local.host, \"^(?P<name>[a-z]+)-(?P<n>\\\\d+)\\\\..*$\", \"${\"$\"}{n}-$name\")}",
        "posix_class": "${regex_replace(\"build 42 ok\", \"[[:digit:]]+\", \"#\")}",
        "ascii_word": "${regex_replace(\"café crème\", \"\\\\w+\", \"w\")}",
        "ungreedy": "${regex_replace(\"<a><b>\", \"(?U)<.+>\", \"[]\")}",
        "quoted": "${regex_replace(\"1+1=2\", \"\\\\Q1+1\\\\E\", \"two\")}",
        "end_of_text": "${regex_replace(\"line\\n\", \"line$\", \"x\")}",
        "multi_line": "${regex_replace(\"a\\nb\", \"(?m)^\", \"> \")}",
        "empty_matches": "${regex_replace(\"abc\", \"x*\", \"-\")}",
        "dollar_text": "${regex_replace(\"ab\", \"(a)\", \"$1x|$$|$&\")}",
        "folded": "${regex_replace(\"\\u212Aelvin\", \"(?i)k\", \"K\")}",
        "script": "${regex_replace(\"Ωmega\", \"\\\\p{Greek}\", \"O\")}",
        "astral": "${regex_replace(\"a\\U0001F600b\", \"[^ab]\", \"?\")}"
      },
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "image": "nginx"
              }
            }
          }
        }
      }
    }
  }
}
