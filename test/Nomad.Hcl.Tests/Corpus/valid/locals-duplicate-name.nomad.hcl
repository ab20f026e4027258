# parseLocalVariables' duplicate check looks in the locals evaluated so far (none yet), so a local defined in two
# locals blocks is no error: both are queued and the later one wins.
locals {
  driver = "exec"
}
locals {
  driver = "docker"
}
job "x" {
  group "g" {
    task "t" {
      driver = local.driver
    }
  }
}
