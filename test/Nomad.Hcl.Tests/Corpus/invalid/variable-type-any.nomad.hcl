# typeexpr.Type (an exact type, as jobspec2 reads a variable's type) refuses any.
variable "x" {
  type    = map(any)
  default = {}
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
