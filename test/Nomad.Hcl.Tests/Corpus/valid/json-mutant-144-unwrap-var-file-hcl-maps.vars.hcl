image    = "nginx"
ports    = [80, 8443, 1e3]
labels   = { a = "1", b = "x\ty" }
settings = { nested = [true, false, null, 1.5, { k = "v" }] }
