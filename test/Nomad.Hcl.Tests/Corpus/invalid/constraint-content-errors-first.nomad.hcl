# hcldec: Body.Content's errors (unsupported arguments, then blocks) before the value errors; a failed value is
# converted too (an unknown number for a bool).
job "x" {
  group "g" {
    constraint {
      distinct_hosts = 1 + true
      bogus          = 1
      nested {}
    }
    task "t" {
      driver = "docker"
    }
  }
}
