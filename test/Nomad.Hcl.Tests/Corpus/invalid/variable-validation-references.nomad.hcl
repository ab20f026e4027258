variable "b" {
  type    = string
  default = "y"
}

variable "a" {
  type    = list(string)
  default = ["x"]

  validation {
    condition     = alltrue([for s in var.a : length(s) > 0 && s != var.b]) || var["a"] == [] || var == {}
    error_message = "The a must not be empty."
  }
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
