# hclsyntax's FunctionCallExpr evaluates every argument and records each one's errors and conversion errors; then
# gohcl goes on with cty.DynamicVal: "value must be known".
job "x" {
  group "g" {
    task "t" {
      driver = join(nosuch(1), [1 + true, upper([])], max("a", 1))
    }
  }
}
