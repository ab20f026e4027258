variable "o" {
  type = object({ a = string, a = number })
}
job "web" {
}
