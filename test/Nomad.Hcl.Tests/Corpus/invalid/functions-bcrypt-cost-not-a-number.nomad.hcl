# The cost parameter is a number.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = bcrypt("s3cret", "high")
  }
}