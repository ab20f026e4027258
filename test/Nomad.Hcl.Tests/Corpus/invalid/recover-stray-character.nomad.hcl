# hclsyntax recovery: a stray character is the scanner's error and an invalid expression; recovery skips the rest of the item.
job "a" {
  group "g" {
    count = 2 @
    task "t" {
      driver = "docker"
      config {
        image = "redis"
        args  = [1 2]
      }
    }
  }
}
