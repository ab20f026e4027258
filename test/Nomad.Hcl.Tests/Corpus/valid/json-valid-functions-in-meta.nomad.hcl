{
  "locals": {
    "words": [
      "delta",
      "alpha",
      "charlie",
      "alpha"
    ],
    "conf": "${jsondecode(\"{\\\"port\\\": 8080, \\\"tags\\\": [\\\"a\\\", \\\"b\\\"], \\\"on\\\": true}\")}"
  },
  "job": {
    "functions": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "coalesce_empty": "${coalesce(\"\", \"x\")}",
        "coalesce_null": "${coalesce(null, \"y\")}",
        "reverse_string": "${reverse(\"nomad\")}",
        "index_fn": "${index([\"a\", \"b\", \"c\"], 1)}",
        "element_wraps": "${element([\"a\", \"b\", \"c\"], 4)}",
        "range_list": "${join(\",\", range(1, 10, 3))}",
        "range_down": "${join(\",\", range(3))}",
        "format_verbs": "${format(\"%s|%d|%05d|%.2f|%t|%q|%v|%%\", \"s\", 42, 7, 3.14159, true, \"q\", 1.5)}",
        "formatlist": "${join(\";\", formatlist(\"%s=%d\", [\"a\", \"b\"], [1, 2]))}",
        "sorted": "${join(\",\", sort(distinct(local.words)))}",
        "compacted": "${join(\",\", compact([\"a\", \"\", \"b\"]))}",
        "flattened": "${length(flatten([[1, 2], [3, [4, 5]], []]))}",
        "merged": "${jsonencode(merge({ a = 1, b = 2 }, { b = 3, c = 4 }))}",
        "lookup_default": "${lookup({ a = \"1\" }, \"z\", \"fallback\")}",
        "keys_values": "${join(\",\", keys({ b = 1, a = 2 }))}/${join(\",\", values({ b = 1, a = 2 }))}",
        "contains": "${contains(local.words, \"alpha\")}",
        "json_port": "${local.conf.port}",
        "json_tags": "${jsonencode(local.conf.tags)}",
        "json_escapes": "${jsonencode({ html = \"<a href='x'>&</a>\" })}",
        "base64": "${base64encode(\"nomad:job\")}",
        "base64_back": "${base64decode(\"bm9tYWQ6am9i\")}",
        "numbers": "${abs(-3)} ${ceil(1.2)} ${floor(1.8)} ${max(3, 9, 1)} ${min(3, 9, 1)} ${pow(2, 10)} ${signum(-5)}",
        "parseint": "${parseint(\"ff\", 16) + parseint(\"-101\", 2)}",
        "strings": "${upper(\"a\")}${lower(\"B\")}${title(\"hello world\")}${trimspace(\"  x  \")}${trim(\"--x--\", \"-\")}",
        "prefix_suffix": "${trimprefix(\"v1.2\", \"v\")}${trimsuffix(\"file.txt\", \".txt\")}${chomp(\"line\\n\")}",
        "substr": "${substr(\"hello world\", 6, -1)}",
        "strrev": "${strrev(\"abc\")}",
        "replace_plain": "${replace(\"a-b-c\", \"-\", \"_\")}",
        "replace_regex": "${replace(\"v1.2.3\", \"/v(\\\\d+)\\\\..*/\", \"major-$1\")}",
        "split": "${length(split(\",\", \"a,b,,c\"))}",
        "slice": "${join(\",\", slice([\"a\", \"b\", \"c\", \"d\"], 1, 3))}",
        "zipmap": "${jsonencode(zipmap([\"x\", \"y\"], [1, 2]))}",
        "chunk": "${jsonencode(chunklist([1, 2, 3, 4, 5], 2))}",
        "indent": "${indent(2, \"a\\nb\")}",
        "sha": "${sha256(\"nomad\")}",
        "md5": "${md5(\"nomad\")}",
        "urlencode": "${urlencode(\"a b&c=d/e\")}",
        "try_fallback": "${try(local.conf.missing, \"none\")}",
        "can_fail": "${can(local.conf.missing)}",
        "concat": "${length(concat([\"a\"], [\"b\", \"c\"], []))}",
        "conditional": "${length(local.words) > 3 ? \"many\" : \"few\"}",
        "arithmetic": "${7 % 3 + 10 / 4 - 2 * 3}",
        "comparison": "${1 < 2 && 2 <= 2 || false} ${!true} ${\"a\" == \"a\"} ${[1, 2] == [1, 2]}",
        "splat": "${join(\",\", [{ n = \"x\" }, { n = \"y\" }][*].n)}",
        "for_object": "${jsonencode({ for w in local.words : w => strlen(w)... })}"
      }
    }
  }
}
