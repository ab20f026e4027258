# Label errors of blocks jobspec2 takes out with PartialContent (job secret/vault/task, task scaling) are reported twice.
job "j" {
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
    }
  }
  bogus2 = 1
}
