# The cost must be a whole number (gocty to a Go int).

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = bcrypt("s3cret", 4.5)
  }
}