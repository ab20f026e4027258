# The ciphertext must be standard base64.
locals {
  key = <<EOK
-----BEGIN RSA PRIVATE KEY-----
MIICXQIBAAKBgQDAXFf4X9sOg2DsD1Ulah80CxEqSFzlkWbdHzo91t1ymaLbJT5h
Dqltb1nN9kdtWj4Go7aynns3Rqfb4h1/XKuH1+IWRxO2FJutxu4ySfwh1YmkUcES
RDzaVres+mUTTaddGsnEFZRLSaU3ld/u7Vtk+onb1ziFMwWrnXFmuVF+NQIDAQAB
AoGBAKvRT9pQdG/wNaBkyZ8TvS9VO03TOPbs+z5DaFhYFZEJXgf0qlUzLW7MaSCo
/H/WfVSc4tGE8XYcLE8hF0vt0F+EbnMCDQ9NAkOkod2pmah9nOcIZRt6iOKtLhwn
Yjc7JxbntVQu+5ow/8Wwv4Ap1oDLE2TApqVeVlTVL326LlxBAkEA/C3uYvg+HGos
M6ZUTnMlxQaX3IIOQfwmrEeWrjmnlTni6EiUBFaByzU+wRxD38Z4HYLGfVrmPLL2
AKfUe7IR/QJBAMNGaGKdoKGoaU8IxxPzDXAqcbo/D1iEdsyE80do8M8qwlWlmYfe
1tRhVg6rXdVfxTD5r0Djci0RhpW6Qs6NFpkCQBB7A/hN1ulOewMJHLtfxRkiPCx6
B2qCixh5OTy7odsbxFt/2sSJzsO0ABzotvrZ4qGzGTu6BA/1diRG05kd4xUCQBUR
oKubNDyc7hfP66LUY4vJmJGuwhob2LGCWrlGsky34VXaUzFcsrMheWaFyM7/0UfS
eL04jRYdwPagrRqaEGkCQQDbTBtpIetOgFM4120+6vSATM7D4Mt6Tj/lhki1cIzr
sCteFeYtqPpKjQTnrlR7PTLCadTYWZmLpY5ycurN8h5Q
-----END RSA PRIVATE KEY-----
EOK
}

job "app" {
  datacenters = ["dc1"]

  meta = {
    secret = rsadecrypt("not base64!", local.key)
  }
}
