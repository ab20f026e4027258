variables {
  a = "x"
  nested {
    b = 1
  }
  other {}
}

variable "c" {
  type = string
}

locals {
  d = var.a
  inner {}
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
