# decodeVariableBlock checks the label with hclsyntax.ValidIdentifier (dashes allowed); the variable is still
# declared, and the job is not decoded after the variables' errors.
variable "shards)" {
  default = 1
}
variable "1abc" {
  default = 2
}
variable "a-b" {
  default = 3
}
job "x" {
  group "g" {
    count = var.nope
    task "t" {
      driver = "docker"
    }
  }
}
