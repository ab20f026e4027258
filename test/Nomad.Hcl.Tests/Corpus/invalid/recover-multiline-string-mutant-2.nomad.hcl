# Mutant (Corpus/mutate.py edits): a quoted string running past its line; the count of further diagnostics is hclsyntax's recovery.
job node-maintenance" {
  datacenters = ["dc1", "dc2"]
  type        = "sysbatch"

  constraint {
    attribute = "${meta.maintenance}"
    operator  = "="
    value     = "allowed"
  }

  constraint {
    operator = "distinct_hosts"
    value    = "true"
  }

  group "apt" {
    task "upgrade" {
      driver = "raw_exec"
      user   = "root"

      config {
        command = "/usr/bin/apt-get"
        args    = ["-y", "upgrade"]
      }
      env {
      }
    }
  }
}
