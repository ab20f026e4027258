# jobspec2's config walker stores each top-level argument with reflect's SetMapIndex: a null one deletes its key.
# Nulls inside a value, or in a nested block, stay.
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image   = "redis"
        command = null
        args    = [null, "a"]
        labels  = { a = null }
        mount {
          source = null
        }
      }
    }
  }
}
