#!/usr/bin/env python3
"""Writes decode/<case>/job.json: API jobs whose values have the wrong JSON type, or whose keys match fields only by
Go's Unicode folding. regenerate.sh records decode/<case>/error.txt: Go's decode error text, empty when it decodes."""
import copy, json, os

BASE = {
    "ID": "web", "Name": "web", "Type": "service", "Datacenters": ["dc1"],
    "TaskGroups": [{
        "Name": "g", "Count": 1,
        "Networks": [{"Mode": "host", "ReservedPorts": [{"Label": "http", "Value": 8080}]}],
        "Tasks": [{"Name": "t", "Driver": "docker", "Config": {"image": "nginx"}, "KillTimeout": 5000000000,
                   "Resources": {"CPU": 100, "MemoryMB": 64}}],
    }],
}

def g(j): return j["TaskGroups"][0]
def t(j): return g(j)["Tasks"][0]

CASES = {
    "count_string": lambda j: g(j).update({"Count": "3"}),
    "kill_timeout_fraction": lambda j: t(j).update({"KillTimeout": 1.5}),
    "kill_timeout_exponent": lambda j: t(j).update({"KillTimeout": 5e9}),
    "resources_string": lambda j: t(j).update({"Resources": "small"}),
    "meta_number": lambda j: j.update({"Meta": {"team": 7}}),
    "tasks_object": lambda j: g(j).update({"Tasks": {"Name": "t"}}),
    "priority_bool": lambda j: j.update({"Priority": True}),
    "version_negative": lambda j: j.update({"Version": -1}),
    "affinity_weight_overflow": lambda j: j.update({"Affinities": [{"LTarget": "a", "RTarget": "b", "Operand": "=", "Weight": 300}]}),
    "reserved_port_string": lambda j: g(j)["Networks"][0].update({"ReservedPorts": ["http"]}),
    "reconcile_number": lambda j: g(j).update({"Disconnect": {"Reconcile": 1}}),
    "datacenters_string": lambda j: j.update({"Datacenters": "dc1"}),
    "name_array": lambda j: j.update({"Name": ["web"]}),
    "payload_number": lambda j: j.update({"Payload": 5}),
    "payload_byte_overflow": lambda j: j.update({"Payload": [1, 300]}),
    "payload_base64": lambda j: j.update({"Payload": "aGVs\nbG8="}),
    "payload_base64_short": lambda j: j.update({"Payload": "aGVsbG8"}),
    "payload_base64_bad_padding": lambda j: j.update({"Payload": "aGVsb==="}),
    "payload_base64_one_pad_then_garbage": lambda j: j.update({"Payload": "aGk=x"}),
    "payload_base64_pad_missing_second": lambda j: j.update({"Payload": "aG=\r\n"}),
    "payload_base64_non_ascii": lambda j: j.update({"Payload": "aGVs\u00e9bG8="}),
    "payload_base64_before_type_error": lambda j: (j.update({"Payload": "!!"}), j.update({"Priority": "x"})),
    "first_error_in_document_order": lambda j: (t(j).update({"KillTimeout": "5s"}), j.update({"Priority": "high"})),
    "config_takes_anything": lambda j: t(j).update({"Config": {"image": "nginx", "args": [1, True, None, {"a": []}]}}),
    "nulls_decode": lambda j: (j.update({"Priority": None, "Meta": None}), t(j).update({"KillTimeout": None, "Driver": None})),
    "kelvin_sign_matches_k": lambda j: t(j).update({"\u212aillTimeout": 1.5}),
    "long_s_matches_s": lambda j: j.update({"Con\u017ftraints": "x"}),
    "dotless_i_matches_nothing": lambda j: j.update({"Pr\u0131ority": "x"}),
}

here = os.path.dirname(os.path.abspath(__file__))
for name, edit in CASES.items():
    job = copy.deepcopy(BASE)
    edit(job)
    d = os.path.join(here, "decode", name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "job.json"), "w", encoding="utf-8") as f:
        json.dump(job, f, indent=2, ensure_ascii=False)
        f.write("\n")
