# ConditionalExpr: the condition's errors always count, a result's only when chosen; a failed condition gives an
# unknown of the results' type.
job "x" {
  group "g" {
    task "a" {
      driver = nosuch() ? upper(1, 2) : "docker"
    }
    task "b" {
      driver = true ? "a" : upper(1 + true)
      user   = "u"
    }
    task "c" {
      driver = false ? nope() : "${null}-${1 + true}"
    }
  }
}
