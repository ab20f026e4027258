# convert needs the type argument.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = convert(1)
  }
}