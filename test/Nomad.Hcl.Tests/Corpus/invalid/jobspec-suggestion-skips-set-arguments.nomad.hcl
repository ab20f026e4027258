# Suggestions come from the schema names in name order, leaving out arguments already set ("min"), as hclsyntax does.
job "web" {
  group "g" {
    scaling {
      min = 1
      ma  = 4
    }
  }
}
