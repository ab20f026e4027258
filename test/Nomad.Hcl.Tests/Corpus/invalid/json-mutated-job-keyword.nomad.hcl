{ob "example" {
  group "web" {
    count = 1
  }
}
