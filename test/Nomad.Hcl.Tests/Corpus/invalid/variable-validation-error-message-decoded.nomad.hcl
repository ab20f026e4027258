# decodeVariableValidationBlock decodes error_message at declaration with a nil context: the call is refused, then
# gohcl's "value must be known"; a blank message is refused; a missing argument is Body.Content's error.
variable "a" {
  type    = string
  default = "x"
  validation {
    condition     = var.a != ""
    error_message = join(",", ["a"])
  }
  validation {
    condition     = var.a != ""
    error_message = "   "
  }
  validation {
    condition = var.a != ""
  }
}
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
