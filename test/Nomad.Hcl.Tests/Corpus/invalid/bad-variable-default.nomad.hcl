variable "count" {
  type    = number
  default = "many"
}

job "web" {
  group "g" {
    count = var.count
  }
}
