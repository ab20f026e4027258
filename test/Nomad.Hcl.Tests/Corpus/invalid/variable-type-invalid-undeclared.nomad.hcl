# A variable whose type (or default) fails is not declared: decodeVariableBlock returns first, so var.x is an
# unsupported attribute and never "unset".
variable "x" {
  type    = format("%d", 1)
  default = []
}
locals {
  args = concat(["a"], var.x)
}
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
