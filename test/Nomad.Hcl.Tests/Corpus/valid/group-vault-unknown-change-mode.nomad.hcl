# A group's vault errors are dropped by decodeTaskGroup, but gocty allocated the pointer field before it refused the
# unknown value (an operator that failed): change_mode stays "" and normalizeJob's "restart" default does not apply.
job "x" {
  group "g" {
    vault {
      policies    = ["web"]
      change_mode = "x" ? 1 : 2
    }
    task "t" {
      driver = "docker"
    }
  }
}
