# A <<- heredoc's first literal starts after the removed indentation and runs to the first interpolation
# (flushHeredocTemplateParts, meldConsecutiveStringLiterals): gohcl's error points there.
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      template {
        destination = "local/a"
        data        = <<-EOT
          first line
          second="${upper(1 + true)}"
        EOT
      }
    }
  }
}
