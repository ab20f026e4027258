# Task secret blocks (api.Secret) at job, group and task level, and task scaling "cpu"/"mem" blocks.
# Nomad's quirks kept: a group's secrets go only to tasks without their own (a task with some gets its own
# twice), the job's are appended to every task's, an empty config/env map is null, the label is case-insensitive.
job "secrets" {
  datacenters = ["dc1"]

  secret "job-wide" {
    provider = "nomad"
    path     = "shared/creds"
  }

  group "app" {
    secret "group-wide" {
      provider = "vault"
      path     = "kv/group"
      config {}
    }

    scaling {
      min = 1
      max = 4
    }

    task "web" {
      driver = "docker"
      config {
        image = "nginx"
      }

      secret "db" {
        provider = "vault"
        path     = "kv/db"
        config {
          engine  = "kv_v2"
          version = 3
        }
        env {
          DB_USER = "admin"
        }
      }

      scaling "cpu" {
        enabled = true
        min     = 100
        max     = 500
        policy {
          cooldown = "5m"
          check "cpu" {
            source = "nomad-apm"
          }
        }
      }

      scaling "MEM" {
        max  = 1024
        type = "vertical_mem"
      }
    }

    task "sidecar" {
      driver = "docker"
      config {
        image = "busybox"
      }
    }
  }

  task "lone" {
    driver = "exec"
    config {
      command = "/bin/true"
    }
  }
}
