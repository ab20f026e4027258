# big.Float refuses this literal: "exponent overflow", so hclsyntax reports an invalid number literal.
job "x" {
  meta {
    a = 3e2147483646
  }

  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
