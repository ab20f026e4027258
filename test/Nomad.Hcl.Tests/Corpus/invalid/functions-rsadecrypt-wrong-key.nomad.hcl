# Ciphertext made for another key: PKCS#1 v1.5 unpadding fails (crypto/rsa: decryption error).
locals {
  key = <<EOK
-----BEGIN RSA PRIVATE KEY-----
MIICXAIBAAKBgQDTJcKbUA7spI2Ei9wwK35h9xNhqZgSPWmh8B0BJk92Z4rkW8GW
GuhLszXeANY6xBWEUyKx0+SEfJs+aAzzvuXnre4LUxX/ZInMJvIb+nak0xt8R4cd
+GeG1Zcoe7MuXqe4PLmPvJV1B6FNLCR+ic38dxoHnLXZQv6EHns/QwwcAQIDAQAB
AoGANllA10NrJARTHOv3GDsJw+OaDIhfyUofd3xbquEWkQ6j1JW9pYp1go61bdhf
TC8OrsnLY2R8LJH6T7zuoIrhmCIWt23iriIbSTSlvf8zmy7rIp+edDjjbKLtPxm+
9ZI0L2HaunZNQ30QVP4lcscaCSBe6E0CJbHheueZGXoZu/ECQQDuLK8+Yn5qARMC
hl7eweWqEBcbe+EZyXz4tJiBrsnG1lIrLzKa0vXu8BC/ZxvaubLHM+m4p1ZZkZRt
JWBA4ICNAkEA4vM/75Rgx2aK6vs7IO66PERypuAYcUvmOYzNwd2svHS6AUz8+k6S
bOfG4ZYkYQh6RhPoM0RzV0+DhMeBkXjORQJAS9lxKbXmOk4DRs+SEPDA+irLoRYP
ds3i/bVNyCbo3WjNnDEYtZOvfJt5SetFRJ/U3nma2hJ4fmfNVAEOKTsV1QJAOjHP
0jpE+ryToJ+dUNuGS8/talcKTXr95QHy/OQ/1+9ChvTb5b9iEqT4PX5Hg84ttGyE
XSkPPnM4MUMLOWc11QJBALgK/dVb3x0QoAH+SNfBsQbGIsNHesp8ASEG7atvdv1M
QedOhOLPxs/bbbBnWHWoDq11cFiMY3xdoZoya+IEq9Q=
-----END RSA PRIVATE KEY-----
EOK
}

job "app" {
  datacenters = ["dc1"]

  meta = {
    secret = rsadecrypt("rpjiTGLNabVbNx9I0HQKqmTOtyNnnQAROHLV8uMcub07EAnt94OR6oD5nvxxEOpxUQSLCLqGrYRU+QHSZDaw1/lYN5/f77OCoBefeYTXZ9C1uCIj5+5ptK5t1KybZumwqWBsEKYKzS7d6fdICQE8+sDpAFwZs/xbuIp1karpTIs=", local.key)
  }
}
