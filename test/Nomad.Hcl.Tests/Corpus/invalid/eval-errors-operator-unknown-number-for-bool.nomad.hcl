# An unknown number (an operator that failed) given to a bool field: gohcl's conversion error comes before any
# "value must be known".
job "x" {
  all_at_once = 1 + true
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
