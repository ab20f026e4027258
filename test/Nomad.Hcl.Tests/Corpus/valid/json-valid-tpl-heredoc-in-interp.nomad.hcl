{"job": {"a": {"region": "${<<EOT\nabc\nEOT\n}"}}}
