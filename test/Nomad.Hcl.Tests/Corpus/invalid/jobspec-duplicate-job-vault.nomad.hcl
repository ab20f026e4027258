job "j" {
  vault {
  }
  vault {
  }
  group "g" {
    vault {
      policies = ["a"]
    }
    vault {
      policies = ["b"]
    }
    task "t" {
      driver = "docker"
    }
  }
}
