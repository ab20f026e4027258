# big.Float refuses this literal: "exponent overflow", so hclsyntax reports an invalid number literal.
job "x" {
  meta {
    a = 0e99999999999999999999
  }

  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
