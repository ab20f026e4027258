job "web" {
  update { stagger "30s" }
}
