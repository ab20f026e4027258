# A batch job: runs once to completion, retried on failure.
job "report" {
  datacenters = ["*"]
  type        = "batch"

  group "report" {
    reschedule {
      attempts  = 2
      interval  = "1h"
      delay     = "30s"
      unlimited = false
    }

    task "generate" {
      driver = "exec"

      config {
        command = "/bin/sh"
        args    = ["-c", "echo generating report for ${NOMAD_JOB_NAME} && sleep 5"]
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
