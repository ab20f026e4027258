# RE2 has no back-references: \1 is an invalid escape for Go.
job "regex" {
  meta = {
    doubled = regex_replace("aa bb", "(\\w)\\1", "$1")
  }
}
