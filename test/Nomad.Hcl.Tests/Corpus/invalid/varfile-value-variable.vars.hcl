a = [var.b]
