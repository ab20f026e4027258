region   = "eu-west"
versions = { api = "2.4.1", worker = "2.4.0" }
replicas = 4
extra_args = ["--verbose", "--port=8080"]
resources = {
  cpu    = 500
  memory = 512
}
