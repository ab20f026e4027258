#!/usr/bin/env python3
"""Lists the server's admission hooks (the mutators and validators NewJobEndpoints registers in nomad/job_endpoint.go,
in order) from Nomad's source at the commit the reference tools were built from, and checks the checked-in list
admission-hooks.tsv against it.

Each line: kind (mutator/validator), hook, what the emulator does for it (its code), the golden cases (changes/ or
validate/ folders, answers recorded by plan-oracle) that show it, and a note saying what is not reproduced and why.
AdmissionHookCoverageTests requires every hook to name golden cases that exist, or a note when it has none.
Usage: admission-audit.py   (NOMAD_SRC: a hashicorp/nomad checkout or mirror, default the fetched mirror;
NOMAD_COMMIT, default aa026cc99c). Fails when the list and the source disagree."""
import os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
src = os.environ.get("NOMAD_SRC", "/work/.mirror/hashicorp+nomad/repo")
commit = os.environ.get("NOMAD_COMMIT", "aa026cc99c")
text = subprocess.run(["git", "-C", src, "show", f"{commit}:nomad/job_endpoint.go"], capture_output=True, text=True, check=True).stdout
hooks = []
for kind in ("mutators", "validators"):
    block = re.search(kind + r": \[\]job\w+\{(.*?)\n\t\t\},", text, re.S).group(1)
    for name in re.findall(r"&?(\w+)\{", block):
        hooks.append((kind[:-1], name))
listed = []
for line in open(os.path.join(here, "admission-hooks.tsv"), encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        cols = line.rstrip("\n").split("\t")
        listed.append((cols[0], cols[1]))
print(f"{len(hooks)} admission hooks in nomad/job_endpoint.go at {commit}")
if listed != hooks:
    for h in hooks:
        if h not in listed:
            print("not in the list:", *h)
    for h in listed:
        if h not in hooks:
            print("gone from the source:", *h)
    if set(listed) == set(hooks):
        print("the list's order differs from the source's")
    sys.exit(1)
