# A lifecycle block whose hook is empty stays in the parsed job (api TaskLifecycle.Empty() is only `l == nil`).
job "empty-hook" {
  group "g" {
    task "init" {
      driver = "docker"
      lifecycle {
        hook = ""
      }
      config {
        image = "busybox:1"
      }
    }
    task "main" {
      driver = "docker"
      config {
        image = "busybox:1"
      }
    }
  }
}
