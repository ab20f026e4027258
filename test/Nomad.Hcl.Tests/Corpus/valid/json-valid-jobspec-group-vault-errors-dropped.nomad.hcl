{
  "job": {
    "j": {
      "group": {
        "g": {
          "vault": {
            "bogus": 1
          },
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
