job "lex" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "busybox"
      }
      template {
        destination = "local/out.txt"
        data = <<-EOH
  	line one
  	  indented ${NOMAD_TASK_NAME}

  	last
        EOH
      }
    }
  }
}
