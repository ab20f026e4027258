# Nested counts multiplying past 1000 copies are refused by Go's parser.
job "regex" {
  meta = {
    padded = regex_replace("x", "(?:(?:x{10}){10}){11}", "y")
  }
}
