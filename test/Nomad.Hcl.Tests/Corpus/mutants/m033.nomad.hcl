# Service settings kept in YAML and decoded with go-cty-yaml's YAML 1.1 rules: yes/on/y are bools, ~ is null,
# 0x/0o are integers, quoted and block scalars stay strings, dates become RFC 3339 strings, keys are resolved too.
locals {
  settings = yamldecode(<<-YAML
    name: api
    replicas: 3
    ratio: .5
    enabled: yes
    debug: off
    answer: "yes"
    nothing: ~
    empty:
    hex: 0x1F
    hex: 0x1F
    octal: 0o17
    leading_zero: 017
    binary: 0b101
    grouped: 1_000
    grouped_float: 1_000.5
    sci: 1e3
    released: 2001-12-14
    stamp: 2001-12-14t21:59:43.10-05:00
    spaced: 2001-12-14 21:59:43.10
    quoted_number: '42'
    tagged_str: !!str 12
    tagged_int: !!int "12"
    binary_data: !!binary aGVsbG8=
    literal: |
      line one
      line two
    folded: >-
      folded
      text
    block_number: |-
      123
    y: key resolved as a bool
    n: 7
    ports: [80, 443]
    base: &base
      cpu: 500
      memory: 256
    sized:
      <<: *base
      memory: 512
    list:
      - a
      - {b: c}
      - [d, e]
    YAML
  )
}

job "yaml-settings" {
  datacenters = ["dc1"]

  meta = {
    all        = jsonencode(local.settings)
    name       = local.settings.name
    replicas   = local.settings.replicas + 1
    enabled    = local.settings.enabled
    scalar     = jsonencode(yamldecode("plain text"))
    sequence   = jsonencode(yamldecode("- 1\n- two\n- null\n"))
    flow       = jsonencode(yamldecode("{a: [1, {b: 2}], c: 'x'}"))
    empty_map  = jsonencode(yamldecode("{}"))
    doc_marker = jsonencode(yamldecode("--- 5\n...\n"))
    duplicate  = jsonencode(yamldecode("a: 1\na: 2\n"))
    escapes    = yamldecode("\"tab\\there \\u00e9\"")
  }

  group "api" {
    count = local.settings.replicas

    task "server" {
      driver = "docker"

      config {
        image = "api:${local.settings.name}"
        ports = local.settings.ports
      }
    }
  }
}
