job "a" {
  datacenters = ["x"]
  priority = 1 & 2 | 3 ^ 4
  x = 1; y = `a` + `b` + 'c'
}
