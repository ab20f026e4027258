locals {
  größe = 3
  名前 = "n"
}
job "lex" {
  group "g" {
    count = local.größe
    meta = { n = local.名前 }
    task "t" {
      driver = "exec"
    }
  }
}
