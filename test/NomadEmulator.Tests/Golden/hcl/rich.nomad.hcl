job "rich" {
  datacenters = ["dc1"]
  group "web" {
    count = 2
    volume "certs" {
      type      = "host"
      source    = "certs"
      read_only = true
    }
    volume "db" {
      type            = "csi"
      source          = "db-vol"
      attachment_mode = "file-system"
      access_mode     = "single-node-writer"
      per_alloc       = true
      mount_options {
        fs_type     = "ext4"
        mount_flags = ["noatime"]
      }
    }
    network {
      port "http" {
        to = 8080
      }
      port "admin" {}
    }
    service {
      name     = "web"
      port     = "http"
      provider = "nomad"
      tags     = ["a"]
      check {
        name     = "ready"
        type     = "http"
        path     = "/ready"
        interval = "10s"
        timeout  = "2s"
        header {
          X-Check = ["1"]
        }
        check_restart {
          limit = 3
          grace = "30s"
        }
      }
    }
    task "app" {
      driver = "docker"
      config {
        image = "web:1"
        ports = ["http"]
      }
      template {
        data          = "a={{ key \"a\" }}"
        destination   = "local/a.env"
        change_mode   = "signal"
        change_signal = "SIGUSR1"
        splay         = "10s"
        perms         = "0600"
        uid           = 1000
        gid           = 1000
        wait {
          min = "2s"
          max = "10s"
        }
      }
      template {
        source        = "local/in.tpl"
        destination   = "local/out.conf"
        change_mode   = "script"
        left_delimiter  = "[["
        right_delimiter = "]]"
        error_on_missing_key = true
        change_script {
          command       = "/bin/reload"
          args          = ["-q"]
          timeout       = "3s"
          fail_on_error = true
        }
      }
      artifact {
        source      = "https://example.com/a.tgz"
        destination = "local/a"
        options {
          checksum = "md5:d41d8cd98f00b204e9800998ecf8427e"
        }
        headers {
          Auth = "x"
        }
      }
      volume_mount {
        volume      = "certs"
        destination = "/certs"
        read_only   = true
      }
      volume_mount {
        volume           = "db"
        destination      = "/db"
        propagation_mode = "host-to-task"
      }
      service {
        name     = "app-admin"
        port     = "admin"
        provider = "nomad"
        tags     = ["admin", "x"]
        meta {
          k = "v"
        }
        check {
          type     = "tcp"
          interval = "5s"
          timeout  = "1s"
        }
        check {
          name     = "script"
          type     = "http"
          path     = "/health"
          method   = "POST"
          body     = "{}"
          interval = "20s"
          timeout  = "2s"
        }
      }
      constraint {
        attribute = "${attr.kernel.name}"
        value     = "linux"
      }
      affinity {
        attribute = "${node.class}"
        value     = "big"
        weight    = 30
      }
      resources {
        cpu    = 200
        memory = 128
        device "nvidia/gpu" {
          count = 1
          constraint {
            attribute = "${device.attr.memory}"
            operator  = ">="
            value     = "2 GiB"
          }
        }
      }
      identity {
        name = "vault"
        aud  = ["vault.io"]
        ttl  = "1h"
      }
      restart {
        attempts = 1
      }
    }
  }
}
