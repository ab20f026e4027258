{
  "locals": {
    "unused": "${yamldecode(\"~\")}",
    "list": [
      "${yamldecode(\"~\")}",
      "x"
    ]
  },
  "job": {
    "x": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "second": "${local.list[1]}",
        "count": "${length(local.list)}"
      }
    }
  }
}
