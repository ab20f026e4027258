variable "replicas" {
  type = number

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 5
    error_message = "Replicas must be between 1 and 5."
  }
}

job "web" {
  group "g" {
    count = var.replicas
  }
}
