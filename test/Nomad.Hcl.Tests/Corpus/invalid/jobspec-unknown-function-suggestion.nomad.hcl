# A misspelled function name gets a suggestion (chosen in Go map order when several are near, so this one has one).
job "web" {
  meta {
    a = fomatdate("YYYY", "2024-01-01T00:00:00Z")
  }
}
