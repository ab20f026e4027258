# typeexpr's getType records every attribute's (and tuple element's) error and goes on with the next.
variable "settings" {
  type = object({
    image = "1x"
    args  = tuple([strin, list])
    port  = number
    "x"   = string
  })
}
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
