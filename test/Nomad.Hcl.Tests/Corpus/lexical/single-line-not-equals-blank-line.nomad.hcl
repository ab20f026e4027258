job "x" {
  meta { a + 1

    b = "2"
  }
}
