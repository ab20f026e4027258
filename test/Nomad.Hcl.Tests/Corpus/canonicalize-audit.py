#!/usr/bin/env python3
"""Lists every Canonicalize method of Nomad's api package and the defaults each sets, from Nomad's source at the
commit the reference tools were built from, and checks it against the checked-in list canonicalize-methods.tsv.

Each line of the list: method, source file, the defaults read from the method's body (`Field=value` for an
assignment under a nil/zero check, `Field=nil-if-empty` for `len(x.F) == 0 → nil`, `calls:` for the nested
Canonicalize calls), then how it is covered: a corpus file under valid/ (its golden answer comes from the
jobspec-oracle) and the JSON path to the object the method fills (CanonicalizeCoverageTests checks both), then a note: `unreached:
…` when Job.Canonicalize never calls the method (the corpus file shows the object left as decoded), or, with `-` for
file and path, why no job file can reach it.

Usage: canonicalize-audit.py [--write]   (NOMAD_SRC: a hashicorp/nomad checkout or mirror; default the fetched
mirror at /work/.mirror/hashicorp+nomad/repo, read at NOMAD_COMMIT, default aa026cc99c).
--write rewrites the source-derived columns and keeps the coverage columns; without it the script fails when a
method is missing from the list, gone from the source, or its defaults changed."""
import os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
listing = os.path.join(here, "canonicalize-methods.tsv")
src = os.environ.get("NOMAD_SRC", "/work/.mirror/hashicorp+nomad/repo")
commit = os.environ.get("NOMAD_COMMIT", "aa026cc99c")


def git(*args):
    return subprocess.run(["git", "-C", src, *args], capture_output=True, text=True, check=True).stdout


def api_files():
    names = git("ls-tree", "--name-only", f"{commit}:api").split()
    return sorted(n for n in names if n.endswith(".go") and not n.endswith("_test.go"))


def methods():
    found = []
    for name in api_files():
        text = git("show", f"{commit}:api/{name}")
        for m in re.finditer(r"^func \((\w+) \*?(\w+)\) Canonicalize\(([^)]*)\) \{\n(.*?)^\}", text, re.M | re.S):
            receiver, typ, _, body = m.groups()
            found.append((f"{typ}.Canonicalize", f"api/{name}", describe(receiver, body)))
    return found


def describe(receiver, body):
    """The defaults a method body sets, in source order."""
    body = re.sub(r"//[^\n]*", "", body)
    parts = []
    for line in body.split("\n"):
        line = line.strip()
        a = re.match(r"(?:\w+(?:\[\w+\])?\.)+(\w+) = (.+)$", line)
        if a and not line.startswith("if "):
            field, value = a.groups()
            parts.append(f"{field}={value}…}}" if value.endswith("{") else f"{field}={value}")
            continue
        c = re.match(r"(?:[\w\[\]]+\.)*(\w+)\.Canonicalize\(", line)
        if c and not line.startswith("func"):
            parts.append(f"calls:{c.group(1)}")
    # `if len(x.F) == 0 { x.F = nil }` reads as F=nil: say so.
    return "; ".join(p.replace("=nil", "=nil-if-empty") if p.endswith("=nil") else p for p in parts) or "(no defaults)"


def read_listing():
    rows = {}
    if os.path.exists(listing):
        for line in open(listing, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            rows[(cols[0], cols[1])] = cols
    return rows


def main():
    write = "--write" in sys.argv
    source = methods()
    rows = read_listing()
    problems = []
    out = ["# method\tfile\tdefaults (from the source)\tcorpus file (valid/)\tJSON path it fills\tnote"]
    for name, path, defaults in source:
        row = rows.pop((name, path), None)
        if row is None:
            problems.append(f"not in the list: {name} ({path})")
            row = [name, path, defaults, "", "", ""]
        elif row[2] != defaults:
            problems.append(f"defaults changed: {name}: {row[2]!r} -> {defaults!r}")
        out.append("\t".join([name, path, defaults, *(row + [""] * 6)[3:6]]))
    for key in rows:
        problems.append(f"gone from the source: {key[0]} ({key[1]})")
    if write:
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    print(f"{len(source)} Canonicalize methods in api/ at {commit}")
    for p in problems:
        print(p)
    sys.exit(1 if problems and not write else 0)


main()
