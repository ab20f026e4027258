job "lex" {
  meta {
    a = <<-EOH
		x
	  y
	EOH
  }
}
