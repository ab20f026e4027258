# cty.StringVal normalises every string to Unicode NFC: literals, escapes, template results, function results,
# object keys and variable defaults alike (the Kelvin sign K becomes an ASCII K, e + U+0301 becomes é).
variable "suffix" {
  type    = string
  default = "e\u0301"
}

job "nfc" {
  datacenters = ["dc1"]

  meta = {
    kelvin_escape  = "\u212a"
    kelvin_literal = "K"
    combining      = "e\u0301"
    combined_text  = "café"
    template       = "${"e"}\u0301"
    from_variable  = var.suffix
    upper          = upper("e\u0301")
    json           = jsonencode("e\u0301")
    "e\u0301"      = "key"
    heredoc        = <<EOT
angstrom Å and ohm Ω
EOT
  }

  group "g" {
    task "t" {
      driver = "docker"

      config {
        image = "e\u0301"
      }

      env {
        NAME = "\u212a"
      }
    }
  }
}
