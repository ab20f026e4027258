{
  "locals": {
    "key": "-----BEGIN RSA PRIVATE KEY-----\nMIICXQIBAAKBgQDAXFf4X9sOg2DsD1Ulah80CxEqSFzlkWbdHzo91t1ymaLbJT5h\nDqltb1nN9kdtWj4Go7aynns3Rqfb4h1/XKuH1+IWRxO2FJutxu4ySfwh1YmkUcES\nRDzaVres+mUTTaddGsnEFZRLSaU3ld/u7Vtk+onb1ziFMwWrnXFmuVF+NQIDAQAB\nAoGBAKvRT9pQdG/wNaBkyZ8TvS9VO03TOPbs+z5DaFhYFZEJXgf0qlUzLW7MaSCo\n/H/WfVSc4tGE8XYcLE8hF0vt0F+EbnMCDQ9NAkOkod2pmah9nOcIZRt6iOKtLhwn\nYjc7JxbntVQu+5ow/8Wwv4Ap1oDLE2TApqVeVlTVL326LlxBAkEA/C3uYvg+HGos\nM6ZUTnMlxQaX3IIOQfwmrEeWrjmnlTni6EiUBFaByzU+wRxD38Z4HYLGfVrmPLL2\nAKfUe7IR/QJBAMNGaGKdoKGoaU8IxxPzDXAqcbo/D1iEdsyE80do8M8qwlWlmYfe\n1tRhVg6rXdVfxTD5r0Djci0RhpW6Qs6NFpkCQBB7A/hN1ulOewMJHLtfxRkiPCx6\nB2qCixh5OTy7odsbxFt/2sSJzsO0ABzotvrZ4qGzGTu6BA/1diRG05kd4xUCQBUR\noKubNDyc7hfP66LUY4vJmJGuwhob2LGCWrlGsky34VXaUzFcsrMheWaFyM7/0UfS\neL04jRYdwPagrRqaEGkCQQDbTBtpIetOgFM4120+6vSATM7D4Mt6Tj/lhki1cIzr\nsCteFeYtqPpKjQTnrlR7PTLCadTYWZmLpY5ycurN8h5Q\n-----END RSA PRIVATE KEY-----\n"
  },
  "job": {
    "billing": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "db_password": "${rsadecrypt(\"rpjiTGLNabVbNx9I0HQKqmTOtyNnnQAROHLV8uMcub07EAnt94OR6oD5nvxxEOpxUQSLCLqGrYRU+QHSZDaw1/lYN5/f77OCoBefeYTXZ9C1uCIj5+5ptK5t1KybZumwqWBsEKYKzS7d6fdICQE8+sDpAFwZs/xbuIp1karpTIs=\", local.key)}",
        "empty": "${rsadecrypt(\"PlLy+WhSbE7R8oQ0ShlubXp7VC7aDB53IIgjGZcyeiaxnPTJxvFC8+4T1t42ouFY3+n+KeeemH5i9mEGLvqz3DY1xqH42HveYyBT+cGHM6kbRedCtB9lEoR+HaI/D2PDQZiDEV6JlGWYMvpexpnhkm9a/26KTHl/7iItQFJlOyY=\", local.key)}",
        "unicode": "${rsadecrypt(\"TjfL3EfLfSqKuhDf5DG91N3A9i7zU2Byhfiw83n8/ZEfRaaPb7GWFQ9K7mPzJLgBuyvYSK+cCCF+yMFQo6QYHDICDRi9Df5FHvGLxECwJoZSQkc6WM5CCcf4VNhaIoD+5pEBd8tZU73pSRurnT8zVBbIL1wUzjn7ylxsC+32tUQ=\", local.key)}",
        "wrapped": "${rsadecrypt(\"rpjiTGLNabVbNx9I0HQKqmTOtyNnnQAROHLV8uMcub07EAnt94OR6oD5nvxxEOpx\\nUQSLCLqGrYRU+QHSZDaw1/lYN5/f77OCoBefeYTXZ9C1uCIj5+5ptK5t1KybZumw\\nqWBsEKYKzS7d6fdICQE8+sDpAFwZs/xbuIp1karpTIs=\", local.key)}",
        "text_before": "${rsadecrypt(\"rpjiTGLNabVbNx9I0HQKqmTOtyNnnQAROHLV8uMcub07EAnt94OR6oD5nvxxEOpxUQSLCLqGrYRU+QHSZDaw1/lYN5/f77OCoBefeYTXZ9C1uCIj5+5ptK5t1KybZumwqWBsEKYKzS7d6fdICQE8+sDpAFwZs/xbuIp1karpTIs=\", \"Team key, rotated 2024:\\n${local.key}\")}"
      },
      "group": {
        "api": {
          "task": {
            "server": {
              "driver": "exec",
              "config": {
                "command": "/usr/local/bin/billing"
              },
              "env": {
                "DB_PASSWORD": "${rsadecrypt(\"rpjiTGLNabVbNx9I0HQKqmTOtyNnnQAROHLV8uMcub07EAnt94OR6oD5nvxxEOpxUQSLCLqGrYRU+QHSZDaw1/lYN5/f77OCoBefeYTXZ9C1uCIj5+5ptK5t1KybZumwqWBsEKYKzS7d6fdICQE8+sDpAFwZs/xbuIp1karpTIs=\", local.key)}"
              }
            }
          }
        }
      }
    }
  }
}
