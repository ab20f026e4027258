# hclsyntax recovery: a missing ',' in a tuple recovers past its ']'; a second argument of one name is still 'Attribute redefined'.
job "a" {
  datacenters = ["dc1" "dc2"]
  group "g" {
    count = 2
    task "t" {
      driver = "docker"
      driver = "exec"
      config {
        args = [upper("a" "b"), "c"]
      }
    }
  }
}
