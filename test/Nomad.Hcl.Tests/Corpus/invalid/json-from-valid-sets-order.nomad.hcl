{
  "variable": [
    {
      "nums": {
        "type": "set(number)",
        "default": [
          10,
          2,
          1,
          33,
          "${-5}",
          2.5,
          100
        ]
      }
    },
    {
      "strs": {
        "type": "set(string)",
        "default": [
          "b",
          "a",
          "B",
          "10",
          "9",
          "aa",
          ""
        ]
      }
    },
    {
      "objs": {
        "type": "set(object({ name = string, port = number }))",
        "default": [
          {
            "name": "web",
            "port": 80
          },
          {
            "name": "db",
            "port": 5432
          },
          {
            "name": "api",
            "port": 8080
          },
          {
            "name": "cache",
            "port": 6379
          }
        ]
      }
    },
    {
      "lists": {
        "type": "set(list(string))",
        "default": [
          [
            "b"
          ],
          [
            "a",
            "c"
          ],
          [
            "a"
          ]
        ]
      }
    },
    {
      "bools": {
        "type": "set(bool)",
        "default": [
          true,
          false
        ]
      }
    },
    {
      "maps": {
        "type": "set(map(string))",
        "default": [
          {
            "b": "1"
          },
          {
            "a": "2"
          },
          {
            "a": "10",
            "c": "x"
          }
        ]
      }
    },
    {
      "numobjs": {
        "type": "set(object({ n = number }))",
        "default": [
          {
            "n": 100
          },
          {
            "n": 9
          },
          {
            "n": 12345678901
          },
          {
            "n": 0.5
          },
          {
            "n": "${-3}"
          },
          {
            "n": 0.00001
          }
        ]
      }
    }
  ],
  "job": {
    "sets": {
      "meta": {
        "nums": "${jsonencode(var.nums)}",
        "strs": "${jsonencode(var.strs)}",
        "objs": "${jsonencode(var.objs)}",
        "lists": "${jsonencode(var.lists)}",
        "bools": "${jsonencode(var.bools)}",
        "union": "${jsonencode(setunion([\"b\", \"a\"], [\"c\", \"a\"], [\"10\", \"9\"]))}",
        "unionn": "${jsonencode(setunion([3, 1], [2, 10]))}",
        "mixed": "${jsonencode(setunion([\"x\", \"1\"], [2, 10]))}",
        "inter": "${jsonencode(setintersection([\"d\", \"c\", \"b\", \"a\"], [\"b\", \"d\", \"c\"]))}",
        "prod": "${jsonencode(setproduct([\"b\", \"a\"], [2, 1]))}",
        "forset": "${join(\",\", [for s in var.strs : s])}",
        "distinct": "${jsonencode(distinct([\"b\", \"a\", \"b\", \"c\"]))}",
        "maps": "${jsonencode(var.maps)}",
        "numobjs": "${jsonencode(var.numobjs)}",
        "objset": "${jsonencode(setunion([{ a = 1 }], [{ a = 2 }, { a = 0 }]))}"
      }
    }
  }
}
