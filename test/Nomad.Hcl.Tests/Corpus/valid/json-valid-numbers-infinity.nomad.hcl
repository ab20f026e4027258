{
  "job": {
    "web": {
      "meta": {
        "positive": "${10 / 0}",
        "negative": "${-3 / 0}",
        "modulo": "${7 % 0}",
        "with_inf": "${1 + 10 / 0 - 6}",
        "small": "${1 / (10 / 0)}"
      }
    }
  }
}
