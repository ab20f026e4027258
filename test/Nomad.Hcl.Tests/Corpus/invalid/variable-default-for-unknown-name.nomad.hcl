variable "b" {
  default = [for x in ["a"] : y]
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
