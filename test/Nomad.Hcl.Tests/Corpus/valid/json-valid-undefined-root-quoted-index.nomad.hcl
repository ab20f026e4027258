{
  "job": {
    "x": {
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "image": "${loca.keys[\"null\"]}",
                "args": [
                  "${loca.keys[\"null\"]}",
                  "${attr.x[0]}",
                  "${node.y[1].z}"
                ]
              }
            }
          }
        }
      }
    }
  }
}
