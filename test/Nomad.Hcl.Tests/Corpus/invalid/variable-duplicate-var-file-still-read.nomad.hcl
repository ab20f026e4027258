variable "a" {}
variable "a" {}
job "x" {
 group "g" {
  task "t" {
   driver = "${var.a}"
  }
 }
}
