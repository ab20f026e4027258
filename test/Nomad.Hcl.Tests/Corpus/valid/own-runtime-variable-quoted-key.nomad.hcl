# Runtime variables read with a quoted key (a name with dots, as in an env map) stay as text,
# as a dotted traversal does: the key is a string without interpolation, so it is a traversal step.
job "labels" {
  group "cache" {
    task "redis" {
      driver = "docker"

      env = {
        "with.dots" = "1"
      }

      config {
        image = "redis:7"
        labels {
          quoted = "${env["with.dots"]}"
          bare   = env["with.dots"]
          empty  = "${env[""]}"
          mixed  = "${meta["rack"]}-${node.attr["zone"]}"
          prefix = "${NOMAD_META["x"]}"
        }
      }
    }
  }
}
