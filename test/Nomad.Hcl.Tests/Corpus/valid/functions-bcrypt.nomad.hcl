# A basic-auth password hashed for a sidecar's htpasswd. The salt is random, so only the hash's shape is compared:
# "$2a$", the cost (below 4 becomes 10), 60 characters.
locals {
  hash = bcrypt("s3cret", 4)
}

job "proxy" {
  datacenters = ["dc1"]

  meta = {
    prefix         = substr(local.hash, 0, 7)
    length         = length(split("", local.hash))
    default_cost   = substr(bcrypt("s3cret"), 0, 7)
    low_cost       = substr(bcrypt("s3cret", 2), 0, 7)
    negative_cost  = substr(bcrypt("s3cret", -1), 0, 7)
    string_cost    = substr(bcrypt("s3cret", "5"), 0, 7)
    empty_password = substr(bcrypt("", 4), 0, 7)
    salted         = bcrypt("s3cret", 4) != local.hash
  }

  group "web" {
    task "nginx" {
      driver = "docker"

      config {
        image = "nginx:1.27"
      }

      env {
        HASH_ALGORITHM = substr(local.hash, 1, 2)
      }
    }
  }
}
