job "render" {
  datacenters = ["dc1"]
  type = "batch"
  parameterized {
    payload       = "required"
    meta_required = ["input"]
    meta_optional = ["quality"]
  }
  group "render" {
    task "render" {
      driver = "docker"
      config {
        image = "render:2"
      }
      dispatch_payload {
        file = "input.json"
      }
    }
  }
}
