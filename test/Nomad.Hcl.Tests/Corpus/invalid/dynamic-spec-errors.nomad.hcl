# dynblock's decodeSpec: all of Body.Content's errors, the iterator (a static traversal of one name), a static list of
# labels with the right count, one content block; each dynamic block's errors in source order, before any argument
# of the body is decoded.
job "x" {
  group "g" {
    count = 1 + true
    dynamic "constraint" {
      bogus = 1
      content {}
      other {}
    }
    dynamic "constraint" {
      for_each = [1]
      iterator = a.b
      content {}
    }
    dynamic "constraint" {
      for_each = [1]
      iterator = upper("a")
      content {}
    }
    dynamic "volume" {
      for_each = [1]
      labels   = (["a"])
      content {}
    }
    dynamic "volume" {
      for_each = [1]
      labels   = ["a", "b"]
      content {}
    }
    dynamic "volume" {
      for_each = [1]
      labels   = []
      content {}
    }
    dynamic "affinity" {
      for_each = [1]
    }
    dynamic "spread" {
      for_each = [1]
      content {}
      content {}
    }
    task "t" {
      driver = "docker"
    }
  }
}
