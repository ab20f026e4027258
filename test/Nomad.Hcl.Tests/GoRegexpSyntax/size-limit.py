#!/usr/bin/env python3
"""Records the answer of Nomad's parser (jobspec-oracle, whose regex_replace runs Go's regexp.Compile) for patterns
near Go's `expression too large` limit, into size-limit.json; SizeLimitTests reads that file, never the tool.

Each family is prefix + joiner.join(unit for i in range(k)) + suffix, where a unit's "#####" is i*7 written with
five digits. The k recorded are those on each side of the boundary Go's algorithm gives (worked out in
SizeLimitTests.cs), and a few further out. Run: python3 size-limit.py [path of jobspec-oracle]."""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
oracle = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/tools/jobspec-oracle"

FAMILIES = [
    # name, prefix, unit, joiner, suffix, ks
    ("three-strings-no-common-prefix", "(?:", "(?:ab|cd|ef)", "", "){1000}", [1, 419, 420, 700]),
    ("three-strings-common-prefix", "(?:", "(?:ab|ac|ad)", "", "){1000}", [1, 1200, 1677, 1678]),
    ("gos-factoring-example", "(?:", "(?:abc|abd|aef|bcx|bcy)", "", "){1000}", [1, 335, 336, 600]),
    ("strings-and-single-characters", "(?:", "(?:xa|xb|y|z|.)", "", "){1000}", [1, 838, 839]),
    ("leading-classes-and-fixed-repeats", "(?:", "(?:[ab]c|[ab]d|x{2}y|x{2}z)", "", "){1000}", [1, 559, 560]),
    ("nested-repeats", "(?:(?:", "(?:ab|ac)", "", "){10}){100}", [1, 1677, 1678]),
    ("case-folded-prefix-and-pair", "(?:", "(?i:ab|AC)(?:a|A)", "", "){1000}", [1, 1118, 1119]),
    ("one-alternation-of-numbered-strings", "(?:", "pre#####", "|", "){1000}", [1, 1200, 1539, 1540, 2000]),
    ("string-repeated-then-dots", "(?:" + "a" * 4000 + "){1000}", ".", "", "", [1, 3350, 3351]),
]


def pattern(prefix, unit, joiner, suffix, k):
    return prefix + joiner.join(unit.replace("#####", "%05d" % (i * 7)) for i in range(k)) + suffix


def ask(p):
    escaped = p.replace("\\", "\\\\")
    with tempfile.TemporaryDirectory() as d:
        job = os.path.join(d, "job.nomad.hcl")
        with open(job, "w") as f:
            f.write('job "x" {\n  meta = {\n    r = regex_replace("a", "%s", "b")\n  }\n}\n' % escaped)
        r = subprocess.run([oracle, job], capture_output=True, text=True)
        if r.returncode == 0:
            return None
        line = r.stderr.splitlines()[0]
        marker = "error parsing regexp: "
        text = line[line.index(marker) + len(marker):]
        code = text[: text.index(": `")]
        expr = text[text.index(": `") + 3: text.rindex("`")]
        return {"code": code, "expr": None if expr == p else expr}


out = []
for name, prefix, unit, joiner, suffix, ks in FAMILIES:
    for k in ks:
        answer = ask(pattern(prefix, unit, joiner, suffix, k))
        entry = {"family": name, "prefix": prefix, "unit": unit, "joiner": joiner, "suffix": suffix, "k": k}
        entry["recorded"] = "accepted" if answer is None else answer
        out.append(entry)
with open(os.path.join(here, "size-limit.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(len(out), "entries")
