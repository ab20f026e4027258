variable "replicas" {
  type    = number
  default = "three"
}

job "web" {
  group "app" {
    count = var.replicas
  }
}
