# big.Float refuses this literal: "exponent overflow", so hclsyntax reports an invalid number literal.
job "x" {
  meta {
    a = 1e-2147483650
  }

  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
