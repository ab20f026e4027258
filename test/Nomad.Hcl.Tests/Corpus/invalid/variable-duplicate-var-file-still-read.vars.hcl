a = "v"
