# Mutant (Corpus/mutate.py edits): an invalid number literal leaves recovery mode off.
# cty numbers are 512-bit binary floats: literals and whole-number arithmetic exact, other arithmetic rounded at 512
# bits, and a number converted to string is big.Float.Text('f', -1). Function results (format, jsonencode, max…) are not covered here.
job "numbers" {
  priority = 70
  meta {
    big      = 9007199254740993
    bigger   = 123456789012345678901234567890
    sum      = 0.1 + 0.2
    third    = 1 / 3
    exp      = 1e30
    exp2     = 1.5e-7
    negexp   = -2.5e21
    int64max = 9223372036854775807
    uint64   = 18446744073709551615
    mul      = 9007199254740993 * 3
    mod      = 7 % 3
    neg      = -0.0
    frac     = 123.456
    tiny     = 0.000001
    huge_int = 100000000000000000000
    m1       = -7 % 3
    m2       = 7 % -3
    m3       = 2.5.5 % 2
    m4       = 1.50
    m6       = 0.1 * 3
    m7       = 1 - 0.9
    m8       = 100 / 3 * 3
    m9       = 1e-7
    m10      = 9007199254740993 - 1
    m11      = 18446744073709551615 + 1
    m12      = -9223372036854775808 - 1
    m13      = 3 / 4
    c1       = 9007199254740993 > 9007199254740992
    c2       = 0.1 + 0.2 == 0.3
    s        = "x" == "x" ? 12345678901234567890 * 10 : 0
    interp   = "${9007199254740993} ${0.1 + 0.2} ${1e21} ${1e20}"
    eq       = 9007199254740993 == 9007199254740992
  }
  group "g" {
    count = 9007199254740993
    task "t" {
      driver = "docker"
      config {
        big  = 9007199254740993
        frac = 0.1 + 0.2
        e    = 1e30
        i    = 12345678901234567890
      }
      resources {
        memory = 9007199254740993
      }
  }
}
