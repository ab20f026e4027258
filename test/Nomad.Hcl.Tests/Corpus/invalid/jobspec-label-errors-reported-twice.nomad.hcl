job "j" {
  bogus1 = 1
  secret "a" "b" {
  }
  group "g" {
    task "t" {
      driver = "docker"
      bogus3 = 1
      scaling {
        max = 1
      }
      scaling "x" "y" {
        max = 1
      }
      bogus4 = 1
    }
  }
  bogus2 = 1
}
