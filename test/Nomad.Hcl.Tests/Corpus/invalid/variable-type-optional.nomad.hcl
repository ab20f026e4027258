# typeexpr.Type refuses optional attributes (only type constraints take them).
variable "x" {
  type = object({
    a = string
    b = optional(number)
  })
  default = { a = "x" }
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
