# The second argument is a type expression; "text" is no type keyword.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = convert(1, text)
  }
}