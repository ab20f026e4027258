{
  "locals": {
    "release": "2024-07-04T09:05:03Z",
    "local": "2023-01-09T18:30:00-05:00"
  },
  "job": {
    "backup": {
      "datacenters": [
        "dc1"
      ],
      "type": "batch",
      "meta": {
        "iso_date": "${formatdate(\"YYYY-MM-DD\", local.release)}",
        "short": "${formatdate(\"YY/M/D h:m:s\", local.release)}",
        "long": "${formatdate(\"EEEE, DD MMMM YYYY\", local.release)}",
        "abbrev": "${formatdate(\"EEE MMM D\", local.release)}",
        "clock_12": "${formatdate(\"HH:mm AA\", local.local)}",
        "clock_12b": "${formatdate(\"H:mm aa\", local.release)}",
        "zone_utc": "${formatdate(\"hh:mm:ss ZZZ Z\", local.release)}",
        "zone_off": "${formatdate(\"hh:mm ZZZZ ZZZZZ Z\", local.local)}",
        "literal": "${formatdate(\"'Backup at' hh'h' '' YYYY\", local.release)}",
        "punct": "${formatdate(\"DD.MM.YYYY-hh_mm\", local.local)}",
        "in_name": "db-${formatdate(\"YYYYMMDD'T'hhmmss\", timeadd(local.release, \"36h\"))}.tar.gz"
      },
      "group": {
        "dump": {
          "task": {
            "pg_dump": {
              "driver": "exec",
              "config": {
                "command": "/usr/bin/pg_dump",
                "args": [
                  "--file",
                  "/backups/${formatdate(\"YYYY-MM-DD\", local.release)}.sql"
                ],
                "args": [
                  "--file",
                  "/backups/${formatdate(\"YYYY-MM-DD\", local.release)}.sql"
                ]
              }
            }
          }
        }
      }
    }
  }
}
