# Object keys that are the keywords null, true and false are names, as hcl.ExprAsKeyword reads them.
job "web" {
  meta = {
    null  = jsonencode({ true = 1, false = null })
    other = "x"
  }
}
