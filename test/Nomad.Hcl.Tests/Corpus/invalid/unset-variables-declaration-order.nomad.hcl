# Several unset variables: Nomad reports them walking a Go map, whose order for up to eight entries is a rotation of
# the declaration order starting at a random slot; the declaration order itself is the most frequent answer.
variable "zeta" {
  type = string
}

variable "alpha" {
  type = string
}

variable "mid" {
  type = number
}

variable "beta" {
  type = string
}

job "example" {
  datacenters = [var.zeta, var.alpha, var.beta]
  group "g" {
    count = var.mid
    task "t" {
      driver = "docker"
    }
  }
}
