# evaluateLocalVariables reports every diagnostic of the failing local, not only the first.
locals {
  a = [nosuch(), 1 + true, "${null}", [1][3], {}.b]
}
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
