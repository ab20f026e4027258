# Two blocks of a type the struct holds once: gohcl's "Duplicate … block" on the second one's header (for a dynamic
# "meta" with two elements, the dynamic block's header both times), and neither is decoded (the content's errors are
# never reported).
job "x" {
  group "g" {
    dynamic "meta" {
      for_each = ["a", "b"]
      content {
        bogus = upper(1 + true)
      }
    }
    task "t" {
      driver = "docker"
    }
  }
  group "h" {
    update {
      max_parallel = nosuch()
    }
    update {
      max_parallel = upper([])
    }
    task "t" {
      driver = "docker"
    }
  }
}
