# Tuples, objects and templates evaluate all their parts; a template with a null part stays a known string (the text
# before the error), so that config argument is not "value is not known"; the others are.
job "x" {
  group "g" {
    task "a" {
      driver = "docker"
      config {
        image = "x${null}y"
      }
    }
    task "b" {
      driver = "docker"
      config {
        args = [nosuch(), local.nope, { a = 1 + true, b = var.nope }]
      }
    }
    task "c" {
      driver = "docker"
      config {
        labels = "${1 + true}-${nosuch()}"
      }
    }
  }
}
