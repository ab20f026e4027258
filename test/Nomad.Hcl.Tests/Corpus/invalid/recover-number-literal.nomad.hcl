# hclsyntax: an invalid number literal is an error without recovery mode, so later errors are all reported.
job "a" {
  group "g" {
    count = 1.2.3
    task "t" {
      driver = "docker" "x"
      config {
        image = "redis"
      }
    }
  }
}
