variable "a" {
  type    = string
  defualt = "x"
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
