# A basic-auth password, given in the var file as secrets are, hashed for a sidecar. The salt is random, so only the
# hash's shape is compared: "$2a$", the cost (below 4 becomes 10), 60 characters. (The var file also keeps these
# deliberately slow hashes out of bench/hcl-bench.sh, which skips files with one.)
variable "password" {
  type = string
}

locals {
  hash = bcrypt(var.password, 4)
}

job "proxy" {
  datacenters = ["dc1"]

  meta = {
    prefix         = substr(local.hash, 0, 7)
    length         = length(split("", local.hash))
    default_cost   = substr(bcrypt(var.password), 0, 7)
    low_cost       = substr(bcrypt(var.password, 2), 0, 7)
    negative_cost  = substr(bcrypt(var.password, -1), 0, 7)
    string_cost    = substr(bcrypt(var.password, "5"), 0, 7)
    empty_password = substr(bcrypt("", 4), 0, 7)
    salted         = bcrypt(var.password, 4) != local.hash
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
