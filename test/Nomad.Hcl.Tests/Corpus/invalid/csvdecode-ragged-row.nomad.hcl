locals {
  hosts = csvdecode("name,ip\nweb,10.0.0.1\ndb\n")
}

job "hosts" {
  meta = {
    first = local.hosts[0].name
  }
}
