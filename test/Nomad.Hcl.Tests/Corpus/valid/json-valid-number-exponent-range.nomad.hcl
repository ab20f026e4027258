{
  "job": {
    "number-exponent-range": {
      "meta": {
        "huge": 1e700000000,
        "at_max": 1e2147483646,
        "tiny": 1e-700000000,
        "at_min": 0.1e-2147483648,
        "zero_big": 0e3000000000,
        "plain": 1e400
      },
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker"
            }
          }
        }
      }
    }
  }
}
