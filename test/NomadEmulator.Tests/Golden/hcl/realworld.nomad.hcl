# Shapes found in real-world job files that the first golden jobs did not have: UI links, a CNI network with
# args, a group service naming its task (its script check inherits it), numbers in a driver config that Go
# prints in exponent form, and a task's vertical scaling policies.
job "realworld" {
  datacenters = ["dc1"]

  ui {
    description = "A **real** world job"
    link {
      label = "Runbook"
      url   = "https://example.com/runbook"
    }
    link {
      label = "Dashboard"
      url   = "https://example.com/dash"
    }
  }

  group "app" {
    network {
      mode = "cni/args"
      cni {
        args = {
          Greeting = "hello"
          TaskDir  = "$${NOMAD_ALLOC_DIR}/local"
        }
      }
      port "http" {
        to = 8080
      }
    }

    service {
      name = "app-checker"
      port = "http"
      task = "app"

      check {
        type     = "script"
        command  = "/bin/true"
        interval = "10s"
        timeout  = "1s"
      }
    }

    task "app" {
      driver = "docker"

      config {
        image = "app:1"
        mount {
          type = "tmpfs"
          target = "/tmp"
          tmpfs_options {
            size = 1000000
          }
        }
        ratio   = 0.00001
        small   = 123456
        big     = 1234567
        precise = 9007199254740993
        half    = 2.5
      }

      scaling "cpu" {
        enabled = true
        min     = 100
        max     = 500
        policy {
          cooldown = "5m"
          factor   = 1500000
        }
      }
      scaling "mem" {
        min = 64
        max = 512
      }

      resources {
        cpu    = 200
        memory = 128
      }
    }
  }
}
