# A bool does not convert to a number.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = convert(true, number)
  }
}