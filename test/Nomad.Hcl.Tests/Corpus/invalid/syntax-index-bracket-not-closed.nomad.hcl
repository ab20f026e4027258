job "web" {
  update {
    auto_revert = true[
    min_healthy_time = "15s"
  }
}
