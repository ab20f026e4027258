# A group-level vault block whose body has errors: Nomad drops its decode errors (decodeTaskGroup overwrites them).
job "j" {
  group "g" {
    vault {
      bogus = 1
    }
    task "t" {
      driver = "docker"
    }
  }
}
