job "lex" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "busybox"
      }
      template {
        destination = "local/out.txt"
        data = <<ÉOF
  line one
    indented ${NOMAD_TASK_NAME}

  last
ÉOF
      }
    }
  }
}
