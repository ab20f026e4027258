variable "enabled" {
  type = true
}
job "web" {
}
