job "x" {  a = 1

  vault {
    policies = ["p"]
  }
}
