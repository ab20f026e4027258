# hclsyntax's template parser: every unbalanced directive is an error, after the parts are read.
job "a" {
  meta {
    a = "%{ if true }x%{ endfor }y"
    b = "%{ else }z"
    c = "%{ for v in [1] }${v}%{ else }%{ endfor }"
    d = <<EOT
%{ if false }
%{ endif }
%{ endif }
EOT
  }
}
