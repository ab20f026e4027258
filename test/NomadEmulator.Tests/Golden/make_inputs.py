#!/usr/bin/env python3
"""Builds the API-shaped inputs of the golden cases from Golden/jobs/*.json (jobspec-oracle output).

Each change case is a named edit of a base job; each validate case is a named edit that makes a job
invalid (or keeps it valid). regenerate.sh runs this, then asks plan-oracle for every answer."""
import copy, json, os, shutil, sys

root = os.path.dirname(os.path.abspath(__file__))
jobs = {n[:-5]: json.load(open(os.path.join(root, "jobs", n))) for n in os.listdir(os.path.join(root, "jobs")) if n.endswith(".json")}

def tg(j, name): return next(g for g in j["TaskGroups"] if g["Name"] == name)
def task(j, g, name): return next(t for t in tg(j, g)["Tasks"] if t["Name"] == name)

def c_count(j): tg(j, "frontend")["Count"] = 4
def c_count_down(j): tg(j, "frontend")["Count"] = 1
def c_image(j): task(j, "frontend", "app")["Config"]["image"] = "nginx:1.27"
def c_env(j): task(j, "frontend", "app")["Env"]["MODE"] = "staging"
def c_env_added(j): task(j, "frontend", "app")["Env"]["EXTRA"] = "1"
def c_job_meta(j): j["Meta"]["owner"] = "team-b"
def c_job_meta_added(j): j["Meta"]["tier"] = "gold"
def c_group_meta(j): tg(j, "frontend")["Meta"] = {"zone": "a"}
def c_task_meta(j): task(j, "frontend", "app")["Meta"] = {"build": "42"}
def c_resources(j): task(j, "frontend", "app")["Resources"]["MemoryMB"] = 256
def c_cpu(j): task(j, "worker", "w")["Resources"]["CPU"] = 300
def c_added_task(j):
    t = copy.deepcopy(task(j, "frontend", "app")); t["Name"] = "sidecar"; t["Config"] = {"image": "envoy:1"}; t["Env"] = None
    tg(j, "frontend")["Tasks"].append(t)
def c_removed_task(j):
    c_added_task(j)
def c_added_group(j):
    g = copy.deepcopy(tg(j, "worker")); g["Name"] = "cron"; g["Count"] = 2
    j["TaskGroups"].append(g)
def c_removed_group(j): j["TaskGroups"] = [g for g in j["TaskGroups"] if g["Name"] != "worker"]
def c_constraint_added(j):
    j["Constraints"].append({"LTarget": "${node.class}", "RTarget": "web", "Operand": "="})
def c_constraint_removed(j): j["Constraints"] = []
def c_group_constraint(j):
    tg(j, "worker")["Constraints"] = [{"LTarget": "${meta.rack}", "RTarget": "r1", "Operand": "="}]
def c_datacenters(j): j["Datacenters"] = ["dc1", "dc2"]
def c_unchanged(j): pass
def c_service_tags(j): tg(j, "frontend")["Services"][0]["Tags"] = ["a", "c"]
def c_check_interval(j): tg(j, "frontend")["Services"][0]["Checks"][0]["Interval"] = 30000000000
def c_update_stanza(j): tg(j, "frontend")["Update"]["MaxParallel"] = 2
def c_job_update(j): j["Update"]["MaxParallel"] = 3
def c_port_to(j): tg(j, "frontend")["Networks"][0]["DynamicPorts"][0]["To"] = 9090
def c_static_port(j): tg(j, "frontend")["Networks"][0]["ReservedPorts"] = [{"Label": "admin", "Value": 9000, "To": 0, "HostNetwork": "", "IgnoreCollision": False}]
def c_priority(j): j["Priority"] = 70
def c_args(j): task(j, "worker", "w")["Config"]["args"] = ["2000"]
def c_kill_timeout(j): task(j, "worker", "w")["KillTimeout"] = 10000000000
def c_restart(j): tg(j, "worker")["RestartPolicy"]["Attempts"] = 5
def c_driver(j): task(j, "worker", "w")["Driver"] = "podman"
def c_many(j): c_image(j); c_count(j); c_job_meta(j); c_added_group(j)
def c_periodic_cron(j): j["Periodic"]["Specs"] = ["0 4 * * *"]
def c_batch_count(j): tg(j, "run")["Count"] = 5
def c_system_env(j): task(j, "agent", "agent")["Env"]["LEVEL"] = "debug"
def c_param_meta(j): j["ParameterizedJob"]["MetaOptional"] = ["quality", "format"]

# name: (base job, edit of old or None, edit of new, old is none)
changes = {
    "new_job": ("base", None, c_unchanged),
    "new_batch_job": ("batch", None, c_unchanged),
    "new_periodic_job": ("periodic", None, c_unchanged),
    "unchanged": ("base", c_unchanged, c_unchanged),
    "count_up": ("base", c_unchanged, c_count),
    "count_down": ("base", c_unchanged, c_count_down),
    "image": ("base", c_unchanged, c_image),
    "env_edited": ("base", c_unchanged, c_env),
    "env_added": ("base", c_unchanged, c_env_added),
    "job_meta_edited": ("base", c_unchanged, c_job_meta),
    "job_meta_added": ("base", c_unchanged, c_job_meta_added),
    "group_meta_added": ("base", c_unchanged, c_group_meta),
    "task_meta_added": ("base", c_unchanged, c_task_meta),
    "resources_memory": ("base", c_unchanged, c_resources),
    "resources_cpu": ("base", c_unchanged, c_cpu),
    "task_added": ("base", c_unchanged, c_added_task),
    "task_removed": ("base", c_removed_task, c_unchanged),
    "group_added": ("base", c_unchanged, c_added_group),
    "group_removed": ("base", c_unchanged, c_removed_group),
    "constraint_added": ("base", c_unchanged, c_constraint_added),
    "constraint_removed": ("base", c_unchanged, c_constraint_removed),
    "group_constraint_added": ("base", c_unchanged, c_group_constraint),
    "datacenters": ("base", c_unchanged, c_datacenters),
    "service_tags": ("base", c_unchanged, c_service_tags),
    "check_interval": ("base", c_unchanged, c_check_interval),
    "group_update_stanza": ("base", c_unchanged, c_update_stanza),
    "job_update_stanza": ("base", c_unchanged, c_job_update),
    "port_to": ("base", c_unchanged, c_port_to),
    "static_port_added": ("base", c_unchanged, c_static_port),
    "priority": ("base", c_unchanged, c_priority),
    "config_args": ("base", c_unchanged, c_args),
    "kill_timeout": ("base", c_unchanged, c_kill_timeout),
    "restart_policy": ("base", c_unchanged, c_restart),
    "driver": ("base", c_unchanged, c_driver),
    "many_changes": ("base", c_unchanged, c_many),
    "periodic_cron": ("periodic", c_unchanged, c_periodic_cron),
    "batch_count": ("batch", c_unchanged, c_batch_count),
    "system_env": ("system", c_unchanged, c_system_env),
    "parameterized_meta": ("parameterized", c_unchanged, c_param_meta),
}

def v_negative_count(j): tg(j, "frontend")["Count"] = -1
def v_missing_driver(j): task(j, "frontend", "app")["Driver"] = ""
def v_duplicate_groups(j): j["TaskGroups"].append(copy.deepcopy(tg(j, "worker")))
def v_bad_update(j): tg(j, "frontend")["Update"]["MaxParallel"] = -1
def v_update_deadlines(j): tg(j, "frontend")["Update"]["HealthyDeadline"] = 1000000000
def v_missing_datacenters(j): j["Datacenters"] = []
def v_empty_group(j): tg(j, "worker")["Tasks"] = []
def v_bad_type(j): j["Type"] = "daemon"
def v_no_groups(j): j["TaskGroups"] = []
def v_duplicate_tasks(j): tg(j, "frontend")["Tasks"].append(copy.deepcopy(task(j, "frontend", "app")))
def v_bad_priority(j): j["Priority"] = 500
def v_zero_memory(j): task(j, "frontend", "app")["Resources"]["MemoryMB"] = 1
def v_bad_constraint(j): j["Constraints"].append({"LTarget": "${attr.x}", "RTarget": "", "Operand": "regexp"})
def v_system_count(j): tg(j, "agent")["Count"] = 3
def v_undefined_port(j): tg(j, "frontend")["Services"][0]["PortLabel"] = "nope"
def v_bad_id(j): j["ID"] = "has space"
def v_empty_task_name(j): task(j, "worker", "w")["Name"] = ""
def v_batch_update(j): pass

validates = {
    "valid_base": ("base", lambda j: None),
    "valid_batch": ("batch", lambda j: None),
    "valid_system": ("system", lambda j: None),
    "valid_periodic": ("periodic", lambda j: None),
    "valid_parameterized": ("parameterized", lambda j: None),
    "negative_count": ("base", v_negative_count),
    "missing_driver": ("base", v_missing_driver),
    "duplicate_group_names": ("base", v_duplicate_groups),
    "bad_update_max_parallel": ("base", v_bad_update),
    "update_healthy_deadline_below_min": ("base", v_update_deadlines),
    "missing_datacenters": ("base", v_missing_datacenters),
    "empty_task_group": ("base", v_empty_group),
    "bad_job_type": ("base", v_bad_type),
    "no_task_groups": ("base", v_no_groups),
    "duplicate_task_names": ("base", v_duplicate_tasks),
    "priority_too_high": ("base", v_bad_priority),
    "memory_too_small": ("base", v_zero_memory),
    "bad_constraint": ("base", v_bad_constraint),
    "system_count_above_one": ("system", v_system_count),
    "undefined_service_port": ("base", v_undefined_port),
    "id_with_space": ("base", v_bad_id),
    "empty_task_name": ("base", v_empty_task_name),
}

def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f: json.dump(obj, f, indent=2); f.write("\n")

for d in ("changes", "validate"):
    shutil.rmtree(os.path.join(root, d), ignore_errors=True)
for name, (base, old_edit, new_edit) in changes.items():
    d = os.path.join(root, "changes", name)
    if old_edit is not None:
        old = copy.deepcopy(jobs[base]); old_edit(old); write(os.path.join(d, "old.json"), old)
    new = copy.deepcopy(jobs[base]); new_edit(new); write(os.path.join(d, "new.json"), new)
for name, (base, edit) in validates.items():
    j = copy.deepcopy(jobs[base]); edit(j); write(os.path.join(root, "validate", name, "job.json"), j)
