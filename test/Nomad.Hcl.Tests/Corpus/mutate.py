#!/usr/bin/env python3
"""Writes Corpus/mutants: job files made by small random edits of the valid corpus (deleted, doubled or
retyped lines and values, stray brackets and quotes, renamed arguments), each with Nomad's answer recorded by
the jobspec-oracle: NAME.error.txt (the first diagnostic line) or NAME.json. A mutant whose answer changes from
one run of Nomad's parser to the next (several decode errors, reported in Go map order) is left out.
Deterministic for a given seed. Usage: mutate.py [COUNT] [SEED]   (needs the oracle; tests only read the files)"""
import glob, json, os, random, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
oracle = os.environ.get("JOBSPEC_ORACLE") or os.path.join(here, "../../../../shared/tools/jobspec-oracle")
if not os.access(oracle, os.X_OK):
    oracle = "/work/shared/tools/jobspec-oracle"
count = int(sys.argv[1]) if len(sys.argv) > 1 else 150
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20261125)
out = os.path.join(here, "mutants")
for old in glob.glob(os.path.join(out, "m*")):
    os.remove(old)
sources = sorted(f for f in glob.glob(os.path.join(here, "valid", "*.nomad.hcl"))
                 if not os.path.exists(f.replace(".nomad.hcl", ".vars.hcl")) and "rsadecrypt" not in f and "bcrypt" not in f)
values = ['0', '-1', '1.5', '1e3', '"x"', '""', 'true', 'null', '[]', '{}', '["a", "b"]', '{ a = 1 }', '"${1 + 1}"',
          '"%{ if true }y%{ endif }"', '"10s"', '"1h30m"', '"abc${"', 'upper("q")', '[1, "a"]', '3 > 2 ? "a" : 1']
names = ['bogus', 'count', 'meta', 'name', 'type', 'driver', 'env', 'config', 'port', 'tags', 'value', 'weight']


def mutate(text):
    lines = text.split("\n")
    kind = rng.randrange(7)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[i])
    elif kind == 2:
        m = re.search(r"=\s*(.+)$", lines[i])
        if m:
            lines[i] = lines[i][:m.start(1)] + rng.choice(values)
        else:
            del lines[i]
    elif kind == 3:
        numbers = list(re.finditer(r"\b\d+\b", text))
        if numbers:
            m = rng.choice(numbers)
            return text[:m.start()] + rng.choice(['0', '-5', '2.5', '70000', '1e2']) + text[m.end():]
    elif kind == 4:
        j = rng.randrange(len(text))
        return text[:j] + rng.choice(['{', '}', '"', '[', ']', '(', ')', '=', ',', '\n', '${', '%{', '#', '/*']) + text[j:]
    elif kind == 5:
        j = rng.randrange(len(text))
        return text[:j] + text[j + 1:]
    else:
        ms = list(re.finditer(r"^(\s*)(\w+)(\s*=)", text, re.M))
        if ms:
            m = rng.choice(ms)
            return text[:m.start(2)] + rng.choice(names) + text[m.end(2):]
    return "\n".join(lines)


def answer(path):
    run = subprocess.run([oracle, path], capture_output=True, text=True)
    if run.returncode == 0:
        return "json", json.dumps(json.loads(run.stdout), sort_keys=True) + "\n"
    return "error", run.stderr.split("\n")[0] + "\n"


written = 0
attempt = 0
while written < count:
    attempt += 1
    text = open(rng.choice(sources)).read()
    for _ in range(rng.choice([1, 1, 2, 3])):
        text = mutate(text)
    name = os.path.join(out, f"m{written:03d}")
    with open(name + ".nomad.hcl", "w") as f:
        f.write(text)
    answers = {answer(name + ".nomad.hcl") for _ in range(5)}
    if len(answers) != 1:
        os.remove(name + ".nomad.hcl")
        continue
    kind, body = answers.pop()
    with open(name + (".json" if kind == "json" else ".error.txt"), "w") as f:
        f.write(body)
    written += 1
print(f"{written} mutants written ({attempt - written} left out: Nomad's answer varies between runs)")
