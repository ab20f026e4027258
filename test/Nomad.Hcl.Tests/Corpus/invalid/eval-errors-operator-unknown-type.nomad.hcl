# After an operator's error hclsyntax answers an unknown of the operator's type, so the operator around it reports
# its own operand (a number where a bool is wanted), and gohcl then refuses the unknown bool for a string.
job "x" {
  group "g" {
    task "t" {
      driver = !(1 + true) && ("a" * 2 > false)
    }
  }
}
