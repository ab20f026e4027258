variable "a" {
  type    = string
  default = "x"

  validation {
    condition     = length(vr.a) > 0
    error_message = "The a must be set."
  }
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
