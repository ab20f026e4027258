job "nfc" {
  meta = {
    # NFC makes "%s" followed by U+0301 the letter s with an acute accent: no verb any more.
    format = format("%s\u0301", "a")
  }
}
