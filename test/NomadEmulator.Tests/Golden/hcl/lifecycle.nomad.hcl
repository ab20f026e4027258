job "shop" {
  datacenters = ["dc1"]
  group "app" {
    count = 2
    disconnect {
      lost_after = "1h"
      replace    = false
      reconcile  = "keep_original"
    }
    scaling {
      min = 1
      max = 5
      policy {
        cooldown = "1m"
      }
    }
    network {
      port "http" { to = 8080 }
    }
    task "migrate" {
      driver = "docker"
      lifecycle {
        hook = "prestart"
      }
      config {
        image = "shop/migrate:1"
      }
      identity {
        env  = true
        file = true
      }
      resources {
        cpu    = 50
        memory = 64
      }
    }
    task "proxy" {
      driver = "docker"
      lifecycle {
        hook    = "poststart"
        sidecar = true
      }
      config {
        image = "envoy:1"
      }
      identity {
        name        = "consul"
        aud         = ["consul.io"]
        ttl         = "1h"
        change_mode = "signal"
        change_signal = "sighup"
      }
    }
    task "app" {
      driver = "docker"
      config {
        image = "shop/app:1"
        ports = ["http"]
      }
      action "dump" {
        command = "/bin/sh"
        args    = ["-c", "env"]
      }
      action "ping" {
        command = "/bin/true"
      }
    }
    task "cleanup" {
      driver = "docker"
      lifecycle {
        hook = "poststop"
      }
      config {
        image = "busybox:1"
      }
    }
  }
  group "plugin" {
    task "csi" {
      driver = "docker"
      config {
        image = "csi/driver:1"
      }
      csi_plugin {
        id   = "ebs"
        type = "node"
      }
    }
  }
}
