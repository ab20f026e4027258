# bcrypt takes at most a password and a cost.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = bcrypt("s3cret", 4, 5)
  }
}