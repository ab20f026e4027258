job "x" {
 datacenters = [null]
 group "g" {
  task "t" {
   driver = "d"
  }
 }
}
