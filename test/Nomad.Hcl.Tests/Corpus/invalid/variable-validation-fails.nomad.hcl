variable "env" {
  type    = string
  default = "prod"

  validation {
    condition     = contains(["dev", "staging"], var.env)
    error_message = "The env must be dev or staging."
  }
}

job "web" {
  meta = { env = var.env }
}
