#!/usr/bin/env python3
"""Differential fuzzing of decoding and evaluation (issue 13): job files made from the valid corpus by edits that
keep the syntax valid but make values fail (wrong types, failing function calls and operators, several bad locals,
bad arguments in several groups and tasks, dynamic blocks without for_each or with bad content), each with Nomad's
whole answer recorded by the jobspec-oracle in NAME.expected (first line `json` or `error`, then the JSON or the
whole error text). A file whose answer changes between two runs of Nomad's parser (Go map order) is left out.
Deterministic for a given seed. Usage: eval-mutate.py COUNT SEED OUTDIR   (needs the oracle; tests do not read
OUTDIR: a throwaway comparison program parses each file with Nomad.Hcl and compares the whole text; each
disagreement found is recorded as a corpus case under invalid/ with regenerate.sh)."""
import glob, json, os, random, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
oracle = os.environ.get("JOBSPEC_ORACLE") or os.path.join(here, "../../../../shared/tools/jobspec-oracle")
if not os.access(oracle, os.X_OK):
    oracle = "/work/shared/tools/jobspec-oracle"
count = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]))
out = sys.argv[3]
os.makedirs(out, exist_ok=True)
sources = sorted(f for f in glob.glob(os.path.join(here, "valid", "*.nomad.hcl"))
                 if not os.path.exists(f.replace(".nomad.hcl", ".vars.hcl")) and "rsadecrypt" not in f and "bcrypt" not in f)

# Values that evaluate with an error, or to a type few fields take.
bad = ['nosuch(1)', 'upper(1, 2)', 'upper([])', 'upper()', '1 + true', '"a" + 1', '!1', '-"x"', 'local.nope', 'var.nope',
       '[1, 2][5]', '{ a = 1 }.b', '"${null}"', '"x${null}y"', 'true ? 1 : [1]', '(1 + true) + false', '!(1 + true)',
       '[for x in 1 : x]', '{ for k, v in { a = 1 } : v => k }', 'upper(nosuch())', 'format("%d", "x")',
       '"${upper(1 + true)}"', '[nosuch(), 1 + true]', '{ a = nosuch(), b = 1 + true }', 'join(",", [1, true])',
       'upper(1 + true)', 'max("a", 1)', 'length(1 + true)', '"${1 + true}${nosuch()}"', 'null ? 1 : 2',
       '"x" ? 1 : 2', '(1 + true) ? 1 : 2', 'true ? nosuch() : 1', 'false ? 1 : upper(1 + true)', '[1, "a"][1 + true]',
       'jsondecode("{")', 'split(1 + true, "a")', 'concat([1], 2)', 'merge({}, 1)', 'keys(1)', 'local.nope + 1',
       '"${local.nope}-${var.nope}"', '[for x in [1, 2] : x + true]', '{ for x in ["a", "b"] : x => x + 1 }',
       '[for x in [1, 2] : x if x]', 'true', 'false', '[]', '{}', '["a", 1]', '{ a = [] }', '1.5', '-1', '"x"',
       '[true]', 'null', '"1x"', 'tobool(1)', 'element([], 0)', 'lookup({}, "a")', 'abs("x")', 'range(1 + true)']
bad_locals = ['nosuch()', '1 + true', 'local.nope', 'var.nope', 'upper([])', '"a" * 2', '[1][3]', '{}.a', 'local.b2 + true',
              'upper(1, 2)', 'jsondecode("{")', '!"x"', '"${nosuch()}"', 'format("%d", "x")']


def lines_with_values(lines):
    return [i for i, l in enumerate(lines) if re.search(r"^\s*\w+\s*=\s*\S", l) and not l.rstrip().endswith(("{", "[", "(", "<<EOF", "<<EOH", "<<-EOF", "<<-EOH"))]


def replace_value(lines):
    cands = lines_with_values(lines)
    if cands:
        i = rng.choice(cands)
        m = re.search(r"=\s*(.+)$", lines[i])
        lines[i] = lines[i][:m.start(1)] + rng.choice(bad)


def add_locals(lines):
    names = [f"b{k}" for k in range(rng.randint(2, 4))]
    body = "\n".join(f"  {n} = {rng.choice(bad_locals)}" for n in names)
    lines.insert(0, "locals {\n" + body + "\n}\n")
    cands = lines_with_values(lines)
    for _ in range(rng.randint(1, 3)):
        if cands:
            i = rng.choice(cands)
            m = re.search(r"=\s*(.+)$", lines[i])
            if m:
                lines[i] = lines[i][:m.start(1)] + f"local.{rng.choice(names)}"


def add_dynamic(lines):
    blocks = [i for i, l in enumerate(lines) if re.match(r"^\s*(task|group)\s+\"[^\"]*\"\s*\{\s*$", l)]
    if not blocks:
        return
    i = rng.choice(blocks)
    kind = rng.randrange(5)
    block_type = rng.choice(["constraint", "meta", "service", "bogus", "env", "volume_mount", "template"])
    if kind == 0:
        text = f'dynamic "{block_type}" {{\n  content {{\n    {rng.choice(["attribute", "foo", "port"])} = {rng.choice(bad)}\n  }}\n}}'
    elif kind == 1:
        text = f'dynamic "{block_type}" {{\n  for_each = {rng.choice(["1", "null", "nosuch()", "[1 + true]", "local.nope"])}\n  content {{\n    x = {rng.choice(bad)}\n  }}\n}}'
    elif kind == 2:
        text = f'dynamic "{block_type}" {{\n  for_each = ["a", "b"]\n  content {{\n    bogus = {rng.choice(bad)}\n    {rng.choice(["name", "attribute", "value", "data"])} = {rng.choice(bad)}\n  }}\n}}'
    elif kind == 3:
        label = rng.choice(["1 + true", "nosuch()", "null", '"x"'])
        text = f'dynamic "{block_type}" {{\n  for_each = ["a"]\n  labels = [{label}]\n  content {{}}\n}}'
    else:
        text = f'dynamic "{block_type}" {{\n  iterator = {rng.choice(["1", "a.b", "it"])}\n  bogus = 1\n}}'
    lines.insert(i + 1, text)


def retype_many(lines):
    cands = lines_with_values(lines)
    for _ in range(rng.randint(2, 4)):
        if cands:
            i = rng.choice(cands)
            m = re.search(r"=\s*(.+)$", lines[i])
            lines[i] = lines[i][:m.start(1)] + rng.choice(bad)


def duplicate_block(lines):
    starts = [i for i, l in enumerate(lines) if re.match(r"^\s*(task|group)\s+\"[^\"]*\"\s*\{\s*$", l)]
    if not starts:
        return
    i = rng.choice(starts)
    indent = len(lines[i]) - len(lines[i].lstrip())
    j = i + 1
    while j < len(lines) and not (lines[j].strip() == "}" and len(lines[j]) - len(lines[j].lstrip()) == indent):
        j += 1
    if j >= len(lines):
        return
    copy = lines[i:j + 1]
    copy[0] = re.sub(r"\"([^\"]*)\"", lambda m: '"' + m.group(1) + '-copy"', copy[0], count=1)
    cands = lines_with_values(copy)
    if cands:
        k = rng.choice(cands)
        m = re.search(r"=\s*(.+)$", copy[k])
        copy[k] = copy[k][:m.start(1)] + rng.choice(bad)
    lines[j + 1:j + 1] = copy


edits = [replace_value, replace_value, add_locals, add_dynamic, retype_many, duplicate_block]


def answer(path):
    run = subprocess.run([oracle, path], capture_output=True, text=True, timeout=60)
    if run.returncode == 0:
        return "json\n" + json.dumps(json.loads(run.stdout), sort_keys=True) + "\n"
    return "error\n" + run.stderr


written = attempt = 0
while written < count:
    attempt += 1
    lines = open(rng.choice(sources)).read().split("\n")
    for _ in range(rng.choice([1, 1, 2, 3])):
        rng.choice(edits)(lines)
    name = os.path.join(out, f"e{written:04d}")
    with open(name + ".nomad.hcl", "w") as f:
        f.write("\n".join(lines))
    try:
        answers = {answer(name + ".nomad.hcl") for _ in range(2)}
    except subprocess.TimeoutExpired:
        answers = set()
    if len(answers) != 1 or "panic" in next(iter(answers)):
        os.remove(name + ".nomad.hcl")
        continue
    with open(name + ".expected", "w") as f:
        f.write(answers.pop())
    written += 1
print(f"{written} files written ({attempt - written} left out: Nomad's answer varies between runs, or it panics)")
