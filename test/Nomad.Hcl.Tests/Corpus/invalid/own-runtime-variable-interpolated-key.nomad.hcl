# A key with interpolation is an index expression, not a traversal step: the undefined variable
# becomes its text first and a string has no indices.
job "labels" {
  group "cache" {
    task "redis" {
      driver = "docker"

      config {
        image = "redis:7"
        labels {
          dyn = "${env["a-${1}"]}"
        }
      }
    }
  }
}
