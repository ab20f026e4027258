# RE2 has no lookarounds: Go's parser refuses the pattern .NET would accept.
job "regex" {
  meta = {
    version = regex_replace("v1.2.3", "^v(?=\\d)", "")
  }
}
