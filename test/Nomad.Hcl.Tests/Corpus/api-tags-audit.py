#!/usr/bin/env python3
# Audit helper (not run by tests): lists every `hcl:"..."` tag of every Go struct in Nomad's api/*.go reachable
# from api.Job through decodable fields, and compares it with src/Nomad.Hcl/Jobspec/ApiSchema.cs (field name,
# Go type, hcl tag). Prints one line per gap; no output means ApiSchema lists every struct and tag.
# Usage: test/Nomad.Hcl.Tests/Corpus/api-tags-audit.py [NOMAD_GIT_DIR]   (default: /work/.mirror/hashicorp+nomad/repo)
import re, subprocess, sys, os

repo = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/hashicorp+nomad/repo'
git = ['git', '-C', repo]
files = [f for f in subprocess.check_output(git + ['ls-tree', '--name-only', 'HEAD', 'api/'], text=True).split()
         if f.endswith('.go') and not f.endswith('_test.go')]
src = ''.join(subprocess.check_output(git + ['show', 'HEAD:' + f], text=True) for f in files)

structs = {}
for m in re.finditer(r'^type (\w+) struct \{\n(.*?)^\}', src, re.M | re.S):
    fields = []
    for line in m.group(2).split('\n'):
        line = line.strip()
        fm = re.match(r'(\w+)\s+([^\s`]+)\s*(`.*`)?', line)
        if fm and not line.startswith('//'):
            tag = re.search(r'hcl:"([^"]*)"', fm.group(3) or '')
            fields.append((fm.group(1), fm.group(2), tag.group(1) if tag else None))
    structs[m.group(1)] = fields

def element(t):
    t = t[t.index(']') + 1:] if t.startswith('map[') else t
    return t.replace('[]', '').replace('*', '')

reachable = []
def walk(name):
    if name in reachable or name not in structs:
        return
    reachable.append(name)
    for _, goType, tag in structs[name]:
        if tag is not None:
            walk(element(goType))
walk('Job')

schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../src/Nomad.Hcl/Jobspec/ApiSchema.cs')
schema = open(schema_path).read()
ours = {}
for m in re.finditer(r'\["(\w+)"\] =\s*\[(.*?)\n        \],', schema, re.S):
    ours[m.group(1)] = {f.group(1): (f.group(2), None if f.group(3) == 'null' else f.group(3).strip('"'))
                        for f in re.finditer(r'new\("(\w+)", "([^"]*)", (null|"[^"]*"), (?:null|"[^"]*")\)', m.group(2))}

for name in reachable:
    if name not in ours:
        print(f'missing struct {name}: {[f for f in structs[name] if f[2]]}')
        continue
    for field, goType, tag in structs[name]:
        if field not in ours[name]:
            print(f'missing field {name}.{field} {goType} hcl:"{tag}"')
        elif ours[name][field] != (goType, tag):
            print(f'differs {name}.{field}: api ({goType}, {tag}) ApiSchema {ours[name][field]}')
