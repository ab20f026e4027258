variable "a" {
  type    = string
  defualt = "x"
  default = "y"
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
