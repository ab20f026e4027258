# bcrypt refuses a cost above 31 (x/crypto bcrypt.InvalidCostError).

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = bcrypt("s3cret", 32)
  }
}