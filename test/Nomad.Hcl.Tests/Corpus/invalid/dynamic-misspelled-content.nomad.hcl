locals {
  apps = { web = 2 }
}

job "web" {
  dynamic "group" {
    for_each = local.apps
    labels   = [group.key]

    contnt {
      count = group.value
    }
  }
}
