# No PEM block in the key text.
locals {
  key = <<EOK
not a key
EOK
}

job "app" {
  datacenters = ["dc1"]

  meta = {
    secret = rsadecrypt("rpjiTGLNabVbNx9I0HQKqmTOtyNnnQAROHLV8uMcub07EAnt94OR6oD5nvxxEOpxUQSLCLqGrYRU+QHSZDaw1/lYN5/f77OCoBefeYTXZ9C1uCIj5+5ptK5t1KybZumwqWBsEKYKzS7d6fdICQE8+sDpAFwZs/xbuIp1karpTIs=", local.key)
  }
}
