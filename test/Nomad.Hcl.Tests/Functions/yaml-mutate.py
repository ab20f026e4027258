#!/usr/bin/env python3
"""Writes yaml-mutants.txt: yamldecode calls on YAML texts made by small random edits (characters deleted, doubled,
or replaced by YAML indicators, tabs, quotes, line breaks (LF, CR, CRLF); lines doubled, deleted, indented or
dedented) of seed documents, then records Nomad's answer for each into yaml-mutants.json with
regenerate.sh --set yaml-mutants. Deterministic for a given seed.
Usage: yaml-mutate.py [COUNT] [SEED]   (needs the oracle; tests only read the JSON)"""
import os, random, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20261205)
seeds = [
    "a: 1\nb: [x, y]\nc: {d: e}\n",
    "job:\n  name: web\n  ports:\n    - 80\n    - 443\n  env:\n    KEY: \"value\"\n    OTHER: 'x'\n",
    "- a\n- b:\n    c: d\n- [1, 2]\n- {e: f}\n",
    "base: &b\n  x: 1\nderived:\n  <<: *b\n  y: 2\n",
    "text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n",
    "? complex key\n: value\n? [a, b]\n: c\n",
    "%YAML 1.1\n---\nkey: value\n...\n",
    "%TAG !e! tag:yaml.org,2002:\n---\n- !e!str 1\n- !!int \"2\"\n",
    "\"quoted\": \"esc \\t \\u00e9 \\x41\"\nsingle: 'it''s'\nplain: multi\n  line\n",
    "{a: [1, 2, {b: c}], d: e, ? f : g}\n",
    "list:\n- one\n- two\nmap:\n  k: v\n",
    "# comment\nkey: value # trailing\nempty:\nnull: ~\n",
    "- &x 1\n- *x\n- !!str 3\n- 0x1F\n- 1e3\n- .inf\n- yes\n",
    "outer:\n  inner:\n    deep: [a, b]\n  other: >\n    folded\n\n    text\n",
    "--- !!map\na: b\n",
]
pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", ":", ": ", "-", "- ", "?", "? ", "[", "]", "{", "}", ",", "#", "&", "*",
          "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "---\n", "...\n", "&a ", "*a", "!!str ", "x"]


def mutate(text):
    kind = rng.randrange(6)
    if kind <= 2 and text:
        i = rng.randrange(len(text))
        if kind == 0:
            return text[:i] + text[i + 1:]
        if kind == 1:
            return text[:i] + rng.choice(pieces) + text[i:]
        return text[:i] + rng.choice(pieces) + text[i + 1:]
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    if kind == 3:
        lines.insert(i, lines[i])
    elif kind == 4:
        del lines[i]
    else:
        lines[i] = rng.choice([" ", "  ", "\t", " \t"]) + lines[i] if rng.random() < 0.6 else lines[i].lstrip(" ")
    return "\n".join(lines)


def hcl_string(text):
    out = []
    for ch in text:
        out.append({"\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, ch))
    return "\"" + "".join(out).replace("${", "$${").replace("%{", "%%{") + "\""


expressions = []
seen = set()
while len(expressions) < count:
    text = rng.choice(seeds)
    for _ in range(rng.randint(1, 3)):
        text = mutate(text)
    expression = "jsonencode(yamldecode(" + hcl_string(text) + "))"
    if expression not in seen:
        seen.add(expression)
        expressions.append(expression)
with open(os.path.join(here, "yaml-mutants.txt"), "w") as f:
    f.write("\n".join(expressions) + "\n")
subprocess.run([os.path.join(here, "regenerate.sh"), "--set", "yaml-mutants"], check=True)
