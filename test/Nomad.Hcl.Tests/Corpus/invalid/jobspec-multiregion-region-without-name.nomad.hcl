job "j" {
  multiregion {
    region {
      count = 1
    }
  }
}
