locals {
  a = "x"

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
