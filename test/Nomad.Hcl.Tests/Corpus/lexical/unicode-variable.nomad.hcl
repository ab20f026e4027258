variable "größe" {
  default = "groß"
}
job "lex" {
  meta = { a = var.größe, b = "${upper(var.größe)}" }
}
