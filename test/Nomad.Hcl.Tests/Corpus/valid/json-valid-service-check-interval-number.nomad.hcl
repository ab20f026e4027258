{
  "job": {
    "web": {
      "group": {
        "app": {
          "service": {
            "name": "web",
            "check": {
              "type": "http",
              "path": "/health",
              "interval": 10,
              "timeout": "2s"
            }
          }
        }
      }
    }
  }
}
