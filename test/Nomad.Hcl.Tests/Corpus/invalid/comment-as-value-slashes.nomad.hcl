job "x" {
  datacenters = ["dc1"] // trailing
  priority = [ // a comment
  ]
  type = // none
}
