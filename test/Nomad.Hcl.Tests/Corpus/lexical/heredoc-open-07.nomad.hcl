job "lex" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "busybox"
      }
      template {
        destination = "local/out.txt"
        data = <<E-O_H1
  line one
    indented ${NOMAD_TASK_NAME}

  last
E-O_H1
      }
    }
  }
}
