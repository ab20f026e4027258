# Numbers in a free-form config map: whole numbers in the int64 range exact, others float64 as Go writes them.
job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        a = 1e30
        b = 1e-7
        c = 12345678901234567890
        d = 0.1 + 0.2
        e = -2.5e-9
        f = 1.5
        g = 123456.789e3
        h = 0.000001
        i = -0.0
      }
    }
  }
}
/* the
 end */