# hclsyntax recovery: a quoted string running past its line reads on to the next quote; later errors are suppressed in recovery mode.
job "a" {
  datacenters = ["dc1]
  group "g" {
    count = 2
    task "t" {
      driver = "docker"
      config {
        image = "redis:7"
        args  = ["-x", "y"]
      }
    }
  }
}
