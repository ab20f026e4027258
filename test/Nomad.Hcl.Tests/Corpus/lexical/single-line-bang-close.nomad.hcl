job "x" {
  meta { ! }

}
