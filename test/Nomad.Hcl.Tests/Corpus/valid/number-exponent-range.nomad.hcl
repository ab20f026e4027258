# Number literals at the edges of big.Float's range (cty's ParseNumberVal): past it after the power of five → +Inf,
# below it → 0, a zero mantissa with any int64 exponent → 0.
job "number-exponent-range" {
  meta {
    huge     = 1e700000000
    at_max   = 1e2147483646
    tiny     = 1e-700000000
    at_min   = 0.1e-2147483648
    zero_big = 0e3000000000
    plain    = 1e400
  }

  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
