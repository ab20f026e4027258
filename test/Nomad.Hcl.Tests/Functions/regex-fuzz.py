#!/usr/bin/env python3
"""Writes regex-fuzz.txt: regex_replace calls on patterns made of random RE2 and Perl pieces (groups, flags, classes,
counts, escapes, anchors, lookarounds RE2 refuses) over inputs with newlines, case pairs, non-ASCII letters and a
character beyond U+FFFF, then records Nomad's answer for each into regex-fuzz.json with regenerate.sh --set regex-fuzz.
Deterministic for a given seed.
Usage: regex-fuzz.py [COUNT] [SEED]   (needs the oracle; tests only read the JSON)"""
import os, random, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 800
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20261205)
atoms = ["a", "b", "k", "s", "é", "(", ")", "(?:", "(?i)", "(?i:", "(?m)", "(?s)", "(?U)", "(?-m)", "(?P<n>", "(?<n>",
         "[", "]", "[^", "-", "\\d", "\\w", "\\s", "\\W", "\\pL", "\\p{Lu}", "\\P{Greek}", "\\p{Latin}", "[:alpha:]",
         "[:^lower:]", "[:foo:]", "{2}", "{1,3}", "{,2}", "{0}", "{1001}", "*", "+", "?", "*?", "|", "^", "$", ".", "\\",
         "\\Q", "\\E", "\\b", "\\B", "\\A", "\\z", "\\x{41}", "\\x4", "\\1", "\\012", "(?=", "(?!", "}", "{", "z-a",
         "\\C", "\\pX", "\\.", "\\n", "\\x{1F600}"]
inputs = ["ab", "aBk\nsé b", "long \u017f Σσς", "x😀y\n", "", "aaa bbb"]
templates = ["X", "[$0]", "<$1>", "${n}|$n", "$$", "-"]

def hcl(s):
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return out.replace("${", "$${").replace("%{", "%%{")

lines = set()
while len(lines) < count:
    pattern = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 7)))
    lines.add('regex_replace("%s", "%s", "%s")' % (hcl(rng.choice(inputs)), hcl(pattern), hcl(rng.choice(templates))))
with open(os.path.join(here, "regex-fuzz.txt"), "w") as f:
    f.write("\n".join(sorted(lines)) + "\n")
subprocess.run([os.path.join(here, "regenerate.sh"), "--set", "regex-fuzz"], check=True)
