variable "a" {
  type = string
  validaton {
    condition     = true
    error_message = "never"
  }
}

variable "b" {
  default = "x"
  foo {}
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
