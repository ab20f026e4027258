job "x" {
 group "g" {
  network {
   dynamic "port" {
    for_each = [1]
    labels = ["a"]
   }
  }
 }
}
