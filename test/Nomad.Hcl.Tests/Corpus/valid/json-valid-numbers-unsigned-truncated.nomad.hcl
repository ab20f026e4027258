{
  "job": {
    "x": {
      "datacenters": [
        "dc1"
      ],
      "spread": {
        "attribute": "${node.datacenter}",
        "weight": 50,
        "target": [
          {
            "dc1": {
              "percent": 2.5
            }
          },
          {
            "dc2": {
              "percent": 254.5
            }
          }
        ]
      }
    }
  }
}
