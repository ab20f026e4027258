variable "a" {
  type = list(string)
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = var.a[0]
      }
    }
  }
}
