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

def f_image(j): task(j, "api", "api")["Config"]["image"] = "shop/api:3.2"
def f_template(j): task(j, "api", "api")["Templates"][0]["EmbeddedTmpl"] = "key=changed"
def f_artifact(j): task(j, "api", "api")["Artifacts"][0]["GetterSource"] = "https://example.com/assets-2.tar.gz"
def f_volume_mount(j): task(j, "api", "api")["VolumeMounts"][0]["ReadOnly"] = True
def f_volume(j): tg(j, "api")["Volumes"]["data"]["Source"] = "shop-data-2"
def f_spread(j): j["Spreads"][0]["Weight"] = 70
def f_affinity_removed(j): j["Affinities"] = None
def f_dns(j): tg(j, "api")["Networks"][0]["DNS"]["Servers"] = ["8.8.8.8"]
def f_scaling(j): tg(j, "api")["Scaling"]["Max"] = 20
def f_sidecar(j): task(j, "api", "log-shipper")["Lifecycle"]["Sidecar"] = False
def f_memory_max(j): task(j, "api", "api")["Resources"]["MemoryMaxMB"] = 1024
def f_kill_signal(j): task(j, "api", "api")["KillSignal"] = "SIGINT"
def f_task_service_tags(j): task(j, "api", "api")["Services"][0]["Tags"] = ["metrics"]
def f_check_path(j): tg(j, "api")["Services"][0]["Checks"][0]["Path"] = "/healthz"
def f_network_mode(j): tg(j, "api")["Networks"][0]["Mode"] = "host"
def f_static_port(j): tg(j, "api")["Networks"][0]["ReservedPorts"][0]["Value"] = 9200
def f_restart(j): tg(j, "api")["RestartPolicy"]["Mode"] = "fail"
def f_reschedule(j): tg(j, "api")["ReschedulePolicy"]["Delay"] = 120000000000
def f_logs(j): task(j, "api", "api")["LogConfig"]["MaxFiles"] = 8
def f_task_meta(j): task(j, "api", "api")["Meta"]["component"] = "api-v2"
def f_disk(j): tg(j, "api")["EphemeralDisk"]["SizeMB"] = 800
def f_canary(j): tg(j, "api")["Update"]["Canary"] = 2
def f_logging(j): task(j, "api", "api")["Config"]["logging"][0]["config"][0]["max-size"] = "50m"
def f_second_group_service(j): tg(j, "api")["Services"].append({**copy.deepcopy(tg(j, "api")["Services"][0]), "Name": "shop-admin", "PortLabel": "metrics", "Tags": None})
def f_env_removed(j): task(j, "api", "api")["Env"] = None
def s_args(j): task(j, "cleanup", "clean")["Config"]["args"] = ["/tmp", "-mtime", "+3", "-delete"]
def r_task_copy(j, name="app2"):
    t = copy.deepcopy(task(j, "web", "app")); t["Name"] = name
    for s in t["Services"] or []: s["Name"] = s["Name"] + "-2"
    return t
def r_task_added(j): tg(j, "web")["Tasks"].append(r_task_copy(j))
def r_task_added_first(j): tg(j, "web")["Tasks"].insert(0, r_task_copy(j, "aaa"))
def r_template_added(j):
    task(j, "web", "app")["Templates"].append({**copy.deepcopy(task(j, "web", "app")["Templates"][0]), "DestPath": "local/c.env", "EmbeddedTmpl": "c=1"})
def r_template_removed(j): task(j, "web", "app")["Templates"].pop(0)
def r_template_wait(j): task(j, "web", "app")["Templates"][0]["Wait"]["Max"] = 20000000000
def r_change_script(j): task(j, "web", "app")["Templates"][1]["ChangeScript"]["Args"] = ["-v"]
def r_service_added(j):
    task(j, "web", "app")["Services"].append({**copy.deepcopy(task(j, "web", "app")["Services"][0]), "Name": "app-extra", "Tags": ["z"]})
def r_check_added(j):
    svc = tg(j, "web")["Services"][0]; svc["Checks"].append({**copy.deepcopy(svc["Checks"][0]), "Name": "live", "Path": "/live"})
def r_mount_added(j):
    task(j, "web", "app")["VolumeMounts"].append({**copy.deepcopy(task(j, "web", "app")["VolumeMounts"][0]), "Destination": "/certs2"})
def r_mount_removed(j): task(j, "web", "app")["VolumeMounts"].pop(0)
def r_group_added(j):
    g = copy.deepcopy(tg(j, "web")); g["Name"] = "web2"
    for s in g["Services"] or []: s["Name"] = s["Name"] + "-2"
    j["TaskGroups"].append(g)
def r_device_added(j):
    task(j, "web", "app")["Resources"]["Devices"].append({"Name": "fpga", "Count": 2, "Constraints": None, "Affinities": None})
def x_task_added(j):
    g = j["TaskGroups"][0]
    t = copy.deepcopy(g["Tasks"][0]); t["Name"] = "worker"; t["Config"] = {"image": "worker:1"}
    g["Tasks"].append(t)
def x_native_task_added(j):
    x_task_added(j); j["TaskGroups"][0]["Services"][0]["TaskName"] = "app"
def x_image(j): j["TaskGroups"][0]["Tasks"][0]["Config"]["image"] = "api:2"
def x_upstream_added(j):
    proxy = j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]
    proxy["Upstreams"].append({**copy.deepcopy(proxy["Upstreams"][0]), "DestinationName": "cache", "LocalBindPort": 6379})
def x_sidecar_resources(j): j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarTask"]["Resources"]["CPU"] = 500
def x_listener_added(j):
    ingress = j["TaskGroups"][0]["Services"][0]["Connect"]["Gateway"]["Ingress"]
    ingress["Listeners"].append({"Port": 9090, "Protocol": "http", "Services": [{**copy.deepcopy(ingress["Listeners"][0]["Services"][0]), "Name": "web"}]})
def x_interpolated_name(j):
    j["Meta"] = {"tier": "gold", "Zone": "a", "zone": "b"}
    j["TaskGroups"][0]["Meta"] = {"tier": "silver"}
    j["TaskGroups"][0]["Services"][0]["Name"] = "${NOMAD_JOB_NAME}-${NOMAD_GROUP_NAME}-${NOMAD_META_TIER}-${NOMAD_META_zone}-${NOMAD_ALLOC_INDEX}-${NOMAD_REGION}"
def x_interpolated_upstreams(j):
    # taskenv's Builder on the server: NOMAD_UPSTREAM_{IP,PORT,ADDR}_<destination> as written and cleaned
    # (helper.CleanEnvVar), NOMAD_META_* keys cleaned in Build, node.region among the node attributes.
    x_upstream_added(j)
    proxy = j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]
    proxy["Upstreams"][1]["DestinationName"] = "my-cache"
    j["TaskGroups"][0]["Meta"] = {"my-key": "m"}
    j["TaskGroups"][0]["Services"][0]["Name"] = "x-${node.region}-${NOMAD_UPSTREAM_PORT_db}-${NOMAD_UPSTREAM_PORT_my-cache}-${NOMAD_UPSTREAM_PORT_my_cache}-${NOMAD_META_my_key}"
def x_interpolated_name_unset(j):
    x_interpolated_name(j)
    j["TaskGroups"][0]["Services"][0]["Name"] = "${NOMAD_META_Zone}-${NOMAD_JOB_ID}${NOMAD_NAMESPACE}${NOMAD_NOPE}${JOB}"
def x_expose_check(j):
    # full API-shaped checks (every field, as the register of a parsed job sends them)
    template = tg(jobs["base"], "frontend")["Services"][0]["Checks"][0]
    def check(**fields):
        c = copy.deepcopy(template); c.update(fields); return c
    j["TaskGroups"][0]["Services"][0]["Checks"] = [
        check(Name="", Type="http", Path="/health", Expose=True, Interval=10000000000, Timeout=2000000000),
        check(Name="ready", Type="grpc", Path="/ready", Expose=True, Interval=5000000000, Timeout=1000000000, Header={"X-B": ["2"], "X-A": ["1", "3"]}),
    ]
def x_connect_timeout(j): j["TaskGroups"][0]["Services"][0]["Connect"]["Gateway"]["Proxy"]["ConnectTimeout"] = 3000000000
def x_count(j): j["TaskGroups"][0]["Count"] = 3

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
    "new_full_job": ("full", None, c_unchanged),
    "new_system_job": ("system", None, c_unchanged),
    "new_sysbatch_job": ("sysbatch", None, c_unchanged),
    "new_parameterized_job": ("parameterized", None, c_unchanged),
    "full_unchanged": ("full", c_unchanged, c_unchanged),
    "full_image": ("full", c_unchanged, f_image),
    "full_template": ("full", c_unchanged, f_template),
    "full_artifact": ("full", c_unchanged, f_artifact),
    "full_volume_mount": ("full", c_unchanged, f_volume_mount),
    "full_volume": ("full", c_unchanged, f_volume),
    "full_spread": ("full", c_unchanged, f_spread),
    "full_affinity_removed": ("full", c_unchanged, f_affinity_removed),
    "full_dns": ("full", c_unchanged, f_dns),
    "full_scaling": ("full", c_unchanged, f_scaling),
    "full_sidecar": ("full", c_unchanged, f_sidecar),
    "full_memory_max": ("full", c_unchanged, f_memory_max),
    "full_kill_signal": ("full", c_unchanged, f_kill_signal),
    "full_task_service_tags": ("full", c_unchanged, f_task_service_tags),
    "full_check_path": ("full", c_unchanged, f_check_path),
    "full_network_mode": ("full", c_unchanged, f_network_mode),
    "full_static_port": ("full", c_unchanged, f_static_port),
    "full_restart": ("full", c_unchanged, f_restart),
    "full_reschedule": ("full", c_unchanged, f_reschedule),
    "full_logs": ("full", c_unchanged, f_logs),
    "full_task_meta": ("full", c_unchanged, f_task_meta),
    "full_disk": ("full", c_unchanged, f_disk),
    "full_canary": ("full", c_unchanged, f_canary),
    "full_logging_config": ("full", c_unchanged, f_logging),
    "full_second_group_service": ("full", c_unchanged, f_second_group_service),
    "full_env_removed": ("full", c_unchanged, f_env_removed),
    "sysbatch_args": ("sysbatch", c_unchanged, s_args),
    "new_rich_job": ("rich", None, c_unchanged),
    "rich_task_added": ("rich", c_unchanged, r_task_added),
    "rich_task_added_first": ("rich", c_unchanged, r_task_added_first),
    "rich_task_removed": ("rich", r_task_added, c_unchanged),
    "rich_template_added": ("rich", c_unchanged, r_template_added),
    "rich_template_removed": ("rich", c_unchanged, r_template_removed),
    "rich_template_wait": ("rich", c_unchanged, r_template_wait),
    "rich_change_script": ("rich", c_unchanged, r_change_script),
    "rich_service_added": ("rich", c_unchanged, r_service_added),
    "rich_check_added": ("rich", c_unchanged, r_check_added),
    "rich_mount_added": ("rich", c_unchanged, r_mount_added),
    "rich_mount_removed": ("rich", c_unchanged, r_mount_removed),
    "rich_group_added": ("rich", c_unchanged, r_group_added),
    "rich_group_removed": ("rich", r_group_added, c_unchanged),
    "rich_device_added": ("rich", c_unchanged, r_device_added),
    "new_connect_sidecar": ("connect-sidecar", None, c_unchanged),
    "new_connect_custom": ("connect-custom", None, c_unchanged),
    "new_connect_native": ("connect-native", None, c_unchanged),
    "new_connect_sidecar_interpolated": ("connect-sidecar", None, x_interpolated_name),
    "new_connect_expose_check": ("connect-sidecar", None, x_expose_check),
    "new_gateway_terminating_interpolated": ("gateway-terminating", None, x_interpolated_name),
    "new_gateway_ingress": ("gateway-ingress", None, c_unchanged),
    "new_gateway_ingress_host": ("gateway-ingress-host", None, c_unchanged),
    "new_gateway_terminating": ("gateway-terminating", None, c_unchanged),
    "new_gateway_mesh": ("gateway-mesh", None, c_unchanged),
    "connect_sidecar_unchanged": ("connect-sidecar", c_unchanged, c_unchanged),
    "connect_sidecar_task_added": ("connect-sidecar", c_unchanged, x_task_added),
    "connect_sidecar_image": ("connect-sidecar", c_unchanged, x_image),
    "connect_sidecar_count": ("connect-sidecar", c_unchanged, x_count),
    "connect_upstream_added": ("connect-sidecar", c_unchanged, x_upstream_added),
    "connect_custom_resources": ("connect-custom", c_unchanged, x_sidecar_resources),
    "connect_custom_task_added": ("connect-custom", c_unchanged, x_task_added),
    "connect_native_task_added": ("connect-native", c_unchanged, x_native_task_added),
    "gateway_ingress_listener_added": ("gateway-ingress", c_unchanged, x_listener_added),
    "gateway_ingress_unchanged": ("gateway-ingress", c_unchanged, c_unchanged),
    "gateway_terminating_timeout": ("gateway-terminating", c_unchanged, x_connect_timeout),
    "gateway_mesh_count": ("gateway-mesh", c_unchanged, x_count),
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
def v_periodic_service(j): j["Type"] = "service"
def v_parameterized_service(j): j["Type"] = "service"
def v_mixed_providers(j): task(j, "api", "api")["Services"][0]["Provider"] = "consul"
def v_small_disk(j): tg(j, "frontend")["EphemeralDisk"]["SizeMB"] = 5
def v_restart_mode(j): tg(j, "frontend")["RestartPolicy"]["Mode"] = "sometimes"
def v_canary_negative(j): tg(j, "frontend")["Update"]["Canary"] = -1
def v_auto_promote(j): tg(j, "frontend")["Update"]["AutoPromote"] = True
def v_progress_deadline(j): tg(j, "frontend")["Update"]["ProgressDeadline"] = 60000000000
def v_empty_datacenter(j): j["Datacenters"] = ["dc1", ""]
def v_missing_name(j): j["Name"] = ""
def v_kill_timeout(j): task(j, "frontend", "app")["KillTimeout"] = 900000000000
def v_task_alloc(j): task(j, "worker", "w")["Name"] = "alloc"
def v_missing_id(j): j["ID"] = ""
def v_all_prestart(j): task(j, "worker", "w")["Lifecycle"] = {"Hook": "prestart", "Sidecar": False}
def v_health_check(j): tg(j, "frontend")["Update"]["HealthCheck"] = "sometimes"
def v_many(j): v_negative_count(j); v_missing_driver(j); v_bad_priority(j); v_bad_id(j)
def v_memory_max(j): task(j, "frontend", "app")["Resources"]["MemoryMaxMB"] = 64
def v_negative_cpu(j): task(j, "frontend", "app")["Resources"]["CPU"] = 0
def v_slash_task(j): task(j, "worker", "w")["Name"] = "a/b"
def v_missing_type(j): j["Type"] = ""
def v_missing_region(j): j["Region"] = ""
def v_core_type(j): j["Type"] = "_core"
def v_payload(j): j["Payload"] = "aGVsbG8="
def w_max_parallel(j): tg(j, "frontend")["Update"]["MaxParallel"] = 5
def w_shutdown_delay(j): task(j, "frontend", "app")["ShutdownDelay"] = 5000000000
def w_group_shutdown_delay(j): tg(j, "frontend")["ShutdownDelay"] = 5000000000
def w_mbits(j): tg(j, "frontend")["Networks"][0]["MBits"] = 10
def w_cron(j): j["Periodic"]["Spec"] = "0 3 * * *"; j["Periodic"]["Specs"] = None
def w_auto_promote(j): tg(j, "api")["Update"]["AutoPromote"] = True; j["TaskGroups"].append({**copy.deepcopy(tg(j, "api")), "Name": "api2"}); tg(j, "api2")["Update"]["AutoPromote"] = False; tg(j, "api2")["Scaling"] = None
def w_memory_max(j): task(j, "frontend", "app")["Resources"]["MemoryMaxMB"] = 512

def v_duplicate_port_label(j): tg(j, "frontend")["Networks"][0]["ReservedPorts"] = [{"Label": "http", "Value": 9000, "To": 0, "HostNetwork": "", "IgnoreCollision": False}]
def v_static_port_collision(j): tg(j, "frontend")["Networks"][0]["ReservedPorts"] = [{"Label": "a", "Value": 9000, "To": 0, "HostNetwork": "", "IgnoreCollision": False}, {"Label": "b", "Value": 9000, "To": 0, "HostNetwork": "", "IgnoreCollision": False}]
def v_script_check_group(j): tg(j, "frontend")["Services"][0]["Checks"][0].update({"Type": "script", "Command": "/bin/true", "Path": ""})

validates = {
    "valid_base": ("base", lambda j: None),
    "duplicate_port_label": ("base", v_duplicate_port_label),
    "static_port_collision": ("base", v_static_port_collision),
    "script_check_without_task": ("base", v_script_check_group),
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
    "valid_full": ("full", lambda j: None),
    "valid_sysbatch": ("sysbatch", lambda j: None),
    "periodic_on_service": ("periodic", v_periodic_service),
    "parameterized_on_service": ("parameterized", v_parameterized_service),
    "mixed_service_providers": ("full", v_mixed_providers),
    "ephemeral_disk_too_small": ("base", v_small_disk),
    "bad_restart_mode": ("base", v_restart_mode),
    "negative_canary": ("base", v_canary_negative),
    "auto_promote_without_canary": ("base", v_auto_promote),
    "healthy_deadline_above_progress_deadline": ("base", v_progress_deadline),
    "empty_datacenter_name": ("base", v_empty_datacenter),
    "missing_job_name": ("base", v_missing_name),
    "kill_timeout_above_progress_deadline": ("base", v_kill_timeout),
    "task_named_alloc": ("base", v_task_alloc),
    "missing_job_id": ("base", v_missing_id),
    "no_main_task": ("base", v_all_prestart),
    "bad_health_check": ("base", v_health_check),
    "many_errors": ("base", v_many),
    "memory_max_below_memory": ("base", v_memory_max),
    "zero_cpu": ("base", v_negative_cpu),
    "task_name_with_slash": ("base", v_slash_task),
    "missing_job_type": ("base", v_missing_type),
    "missing_region": ("base", v_missing_region),
    "core_job_type": ("base", v_core_type),
    "job_with_payload": ("base", v_payload),
    "warn_max_parallel_above_count": ("base", w_max_parallel),
    "warn_task_shutdown_delay_set": ("base", w_shutdown_delay),
    "warn_group_shutdown_delay_set": ("base", w_group_shutdown_delay),
    "warn_mbits": ("base", w_mbits),
    "warn_cron_deprecated": ("periodic", w_cron),
    "warn_auto_promote_mixed": ("full", w_auto_promote),
    "warn_memory_max": ("base", w_memory_max),
    "connect_native_ambiguous_task": ("connect-native", x_task_added),
    "connect_native_missing_task": ("connect-native", lambda j: j["TaskGroups"][0]["Services"][0].update({"TaskName": "nope"})),
    "connect_mesh_without_port": ("gateway-mesh", lambda j: j["TaskGroups"][0]["Services"][0].update({"PortLabel": ""})),
    "valid_connect_custom": ("connect-custom", lambda j: None),
    "connect_interpolated_name_unset": ("connect-sidecar", x_interpolated_name_unset),
    "connect_interpolated_upstreams": ("connect-sidecar", x_interpolated_upstreams),
    "expose_check_without_sidecar": ("base", lambda j: tg(j, "frontend")["Services"][0]["Checks"][0].update({"Expose": True})),
    "expose_check_host_network": ("connect-sidecar", lambda j: (x_expose_check(j), j["TaskGroups"][0]["Networks"][0].update({"Mode": "host"}))),
    "vault_not_enabled": ("base", lambda j: task(j, "frontend", "app").update({"Vault": {"Policies": ["web"]}})),
    "multiregion_unlicensed": ("base", lambda j: j.update({"Multiregion": {"Regions": [{"Name": "east", "Datacenters": ["dc1"]}]}})),
    "multiregion_without_regions": ("base", lambda j: j.update({"Multiregion": {"Strategy": {"MaxParallel": 1}}})),
    "numa_enterprise": ("base", lambda j: task(j, "frontend", "app")["Resources"].update({"NUMA": {"Affinity": "prefer"}})),
    "schedule_enterprise": ("base", lambda j: task(j, "frontend", "app").update({"Schedule": {"Cron": {"Start": "0 12 * * *", "End": "0 13 * * *", "Timezone": "UTC"}}})),
    "numa_none": ("base", lambda j: task(j, "frontend", "app")["Resources"].update({"NUMA": {"Affinity": "none"}})),
    "enterprise_and_vault_errors": ("base", lambda j: (v_negative_count(j), task(j, "frontend", "app").update({"Vault": {}}), j.update({"Multiregion": {"Regions": [{"Name": "east"}]}}), task(j, "worker", "w")["Resources"].update({"NUMA": {"Affinity": "require"}}))),
    "valid_gateway_ingress": ("gateway-ingress", lambda j: None),
    "connect_sidecar_host_network": ("connect-sidecar", lambda j: j["TaskGroups"][0]["Networks"][0].update({"Mode": "host"})),
    "connect_sidecar_no_network": ("connect-sidecar", lambda j: j["TaskGroups"][0].update({"Networks": None})),
    "connect_sidecar_uppercase": ("connect-sidecar", lambda j: j["TaskGroups"][0]["Services"][0].update({"Name": "Api"})),
    "connect_gateway_host_ok": ("gateway-ingress-host", lambda j: None),
    "connect_gateway_cni_ok": ("gateway-terminating", lambda j: j["TaskGroups"][0]["Networks"][0].update({"Mode": "cni/mesh"})),
    "connect_gateway_no_network": ("gateway-terminating", lambda j: j["TaskGroups"][0].update({"Networks": None})),
    "connect_upstreams_same_address": ("connect-sidecar", lambda j: j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]["Upstreams"].append({**copy.deepcopy(j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]["Upstreams"][0]), "DestinationName": "other"})),
    "connect_tproxy_dns": ("connect-sidecar", lambda j: (j["TaskGroups"][0]["Networks"][0].update({"DNS": {"Servers": ["1.1.1.1"]}}), j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"].update({"TransparentProxy": {}}))),
    "connect_tproxy_bad_port": ("connect-sidecar", lambda j: j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"].update({"TransparentProxy": {"ExcludeInboundPorts": ["nope", "80"]}})),
    "connect_sidecar_host_and_vault": ("connect-sidecar", lambda j: (j["TaskGroups"][0]["Networks"][0].update({"Mode": "host"}), j["TaskGroups"][0]["Tasks"][0].update({"Vault": {}}))),
}

# Validation beyond the first round: services and checks, placement operands, task parts, periodic and
# parameterized configs, CNI args and the hostname (each case one bad item, so Nomad's Go-map walks stay ordered).
def gsvc(j): return tg(j, "frontend")["Services"][0]
def gchk(j): return gsvc(j)["Checks"][0]
def fapi(j): return task(j, "api", "api")
def tsvc(j): return fapi(j)["Services"][0]
def job_constraint(c): return lambda j: j["Constraints"].append(c)
def con(l, o, r): return {"LTarget": l, "RTarget": r, "Operand": o}
def x_expose_then_connect_error(j):
    # group 1: an expose check in host mode (expose mutator error); group 2: a mesh gateway without a port (connect
    # mutator error). Nomad runs the connect mutator over every group first, so the second group's error wins.
    x_expose_check(j); j["TaskGroups"][0]["Networks"][0].update({"Mode": "host"})
    g = copy.deepcopy(jobs["gateway-mesh"]["TaskGroups"][0]); g["Name"] = "mesh"; g["Services"][0].update({"PortLabel": ""})
    j["TaskGroups"].append(g)
validates.update({
    "service_name_invalid": ("base", lambda j: gsvc(j).update({"Name": "web_api"})),
    "service_name_interpolated_ok": ("base", lambda j: gsvc(j).update({"Name": "web-${NOMAD_META_x}"})),
    "service_name_too_long": ("base", lambda j: gsvc(j).update({"Name": "a" * 64})),
    "service_address_mode_bad": ("base", lambda j: gsvc(j).update({"AddressMode": "bogus"})),
    "service_address_with_mode": ("base", lambda j: gsvc(j).update({"AddressMode": "host", "Address": "10.0.0.1"})),
    "service_on_update_bad": ("base", lambda j: gsvc(j).update({"OnUpdate": "never"})),
    "service_provider_bad": ("base", lambda j: gsvc(j).update({"Provider": "etcd"})),
    "service_driver_mode_in_group": ("base", lambda j: gsvc(j).update({"AddressMode": "driver"})),
    "service_kind_bad": ("base", lambda j: gsvc(j).update({"Kind": "connect-proxy"})),
    "services_not_unique": ("base", lambda j: tg(j, "frontend")["Services"].append(copy.deepcopy(gsvc(j)))),
    "check_type_bad": ("base", lambda j: gchk(j).update({"Type": "ICMP"})),
    "check_http_without_path": ("base", lambda j: gchk(j).update({"Path": ""})),
    "check_http_absolute_path": ("base", lambda j: gchk(j).update({"Path": "http://example.com/health"})),
    "check_http_bad_path": ("base", lambda j: gchk(j).update({"Path": "/health%zz"})),
    "check_script_without_command": ("base", lambda j: gchk(j).update({"Type": "script", "Path": "", "TaskName": "app"})),
    "check_interval_missing": ("base", lambda j: gchk(j).update({"Interval": 0})),
    "check_interval_too_short": ("base", lambda j: gchk(j).update({"Interval": 500000000})),
    "check_timeout_missing": ("base", lambda j: gchk(j).update({"Timeout": 0})),
    "check_timeout_too_short": ("base", lambda j: gchk(j).update({"Timeout": 100000000})),
    "check_initial_status_bad": ("base", lambda j: gchk(j).update({"InitialStatus": "ok"})),
    "check_address_mode_auto": ("base", lambda j: gchk(j).update({"AddressMode": "auto"})),
    "check_address_mode_bad": ("base", lambda j: gchk(j).update({"AddressMode": "lan"})),
    "check_on_update_bad": ("base", lambda j: gchk(j).update({"OnUpdate": "later"})),
    "check_restart_with_ignore": ("base", lambda j: gchk(j).update({"OnUpdate": "ignore", "CheckRestart": {"Limit": 3, "Grace": 1000000000, "IgnoreWarnings": False}})),
    "check_restart_negative": ("base", lambda j: gchk(j).update({"CheckRestart": {"Limit": -1, "Grace": -1, "IgnoreWarnings": False}})),
    "check_without_port": ("base", lambda j: gsvc(j).update({"PortLabel": ""})),
    "check_task_missing": ("base", lambda j: gchk(j).update({"TaskName": "nope"})),
    "check_expose_on_tcp": ("base", lambda j: gchk(j).update({"Type": "tcp", "Path": "", "Expose": True})),
    "check_failures_on_script": ("base", lambda j: gchk(j).update({"Type": "script", "Path": "", "Command": "/bin/true", "TaskName": "app", "FailuresBeforeCritical": 2})),
    "check_notes_too_long": ("base", lambda j: gchk(j).update({"Notes": "n" * 256})),
    "nomad_check_grpc": ("full", lambda j: tg(j, "api")["Services"][0]["Checks"][0].update({"Type": "grpc"})),
    "nomad_check_method_bad": ("full", lambda j: tg(j, "api")["Services"][0]["Checks"][0].update({"Method": "FETCH"})),
    "nomad_check_tls_server_name": ("full", lambda j: tg(j, "api")["Services"][0]["Checks"][0].update({"TLSServerName": "api.local"})),
    "nomad_check_ignore_warnings": ("full", lambda j: tg(j, "api")["Services"][0]["Checks"][0].update({"OnUpdate": "ignore_warnings"})),
    "task_service_undefined_port": ("full", lambda j: tsvc(j).update({"PortLabel": "nope"})),
    "task_service_alloc_mode": ("full", lambda j: tsvc(j).update({"AddressMode": "alloc"})),
    "task_service_duplicate": ("full", lambda j: fapi(j)["Services"].append(copy.deepcopy(tsvc(j)))),
    "task_service_numeric_check_port": ("full", lambda j: tsvc(j)["Checks"][0].update({"PortLabel": "8080"}) if tsvc(j)["Checks"] else tsvc(j).update({"Checks": [{**copy.deepcopy(tg(j, "api")["Services"][0]["Checks"][0]), "PortLabel": "8080"}]})),
    "task_service_wrong_task_name": ("full", lambda j: tsvc(j).update({"TaskName": "log-shipper"})),
    "constraint_unknown_operand": ("base", job_constraint(con("${attr.x}", "contains", "y"))),
    "constraint_missing_operand": ("base", job_constraint(con("${attr.x}", "", "y"))),
    "constraint_missing_rtarget": ("base", job_constraint(con("${attr.x}", "=", ""))),
    "constraint_bad_regexp": ("base", job_constraint(con("${attr.x}", "regexp", "(abc"))),
    "constraint_regexp_unexpected_paren": ("base", job_constraint(con("${attr.x}", "regexp", "abc)"))),
    "constraint_regexp_bad_class": ("base", job_constraint(con("${attr.x}", "regexp", "[a-z"))),
    "constraint_regexp_leading_star": ("base", job_constraint(con("${attr.x}", "regexp", "*abc"))),
    "constraint_regexp_nested_repeat": ("base", job_constraint(con("${attr.x}", "regexp", "ab**"))),
    "constraint_bad_version": ("base", job_constraint(con("${attr.x}", "version", ">= 1.2.x"))),
    "constraint_version_list_ok": ("base", job_constraint(con("${attr.x}", "version", ">= 1.2, < 2.0.0-beta"))),
    "constraint_bad_semver": ("base", job_constraint(con("${attr.x}", "semver", "~> 1.2"))),
    "constraint_distinct_property_bad": ("base", job_constraint(con("${meta.rack}", "distinct_property", "two"))),
    "constraint_distinct_property_zero": ("base", job_constraint(con("${meta.rack}", "distinct_property", "0"))),
    "constraint_is_set_with_rtarget": ("base", job_constraint(con("${meta.rack}", "is_set", "x"))),
    "constraint_set_contains_empty": ("base", job_constraint(con("${meta.tags}", "set_contains", ""))),
    "constraint_unsupported_attribute": ("base", job_constraint(con("${node.name}", "=", "a"))),
    "constraint_missing_brace": ("base", job_constraint(con("${attr.x", "=", "a"))),
    "constraint_missing_ltarget": ("base", job_constraint(con("", "=", "a"))),
    "constraint_distinct_hosts_ok": ("base", lambda j: tg(j, "frontend").update({"Constraints": [{"LTarget": "", "RTarget": "true", "Operand": "distinct_hosts"}]})),
    "constraint_task_distinct_hosts": ("base", lambda j: task(j, "frontend", "app").update({"Constraints": [{"LTarget": "", "RTarget": "true", "Operand": "distinct_hosts"}]})),
    "constraint_group_bad": ("base", lambda j: tg(j, "worker").update({"Constraints": [con("${attr.x}", "<", "")]})),
    "affinity_zero_weight": ("full", lambda j: j["Affinities"][0].update({"Weight": 0})),
    "affinity_weight_too_high": ("full", lambda j: j["Affinities"][0].update({"Weight": 120})),
    "affinity_unknown_operand": ("full", lambda j: j["Affinities"][0].update({"Operand": "distinct_hosts"})),
    "affinity_missing_ltarget": ("full", lambda j: j["Affinities"][0].update({"LTarget": ""})),
    "affinity_on_system": ("system", lambda j: j.update({"Affinities": [{"LTarget": "${node.class}", "RTarget": "a", "Operand": "=", "Weight": 50}]})),
    "spread_bad_weight": ("full", lambda j: j["Spreads"][0].update({"Weight": 0})),
    "spread_missing_attribute": ("full", lambda j: j["Spreads"][0].update({"Attribute": ""})),
    "spread_targets_over_100": ("full", lambda j: j["Spreads"][0].update({"SpreadTarget": [{"Value": "dc1", "Percent": 70}, {"Value": "dc2", "Percent": 50}]})),
    "spread_target_duplicate": ("full", lambda j: j["Spreads"][0].update({"SpreadTarget": [{"Value": "dc1", "Percent": 20}, {"Value": "dc1", "Percent": 20}]})),
    "spread_on_system": ("system", lambda j: j.update({"Spreads": [{"Attribute": "${node.datacenter}", "Weight": 50, "SpreadTarget": None}]})),
    "template_without_source": ("full", lambda j: fapi(j)["Templates"][0].update({"EmbeddedTmpl": ""})),
    "template_escapes_alloc": ("full", lambda j: fapi(j)["Templates"][0].update({"DestPath": "../../../etc/passwd"})),
    "template_signal_without_signal": ("full", lambda j: fapi(j)["Templates"][0].update({"ChangeMode": "signal"})),
    "template_script_without_script": ("full", lambda j: fapi(j)["Templates"][0].update({"ChangeMode": "script"})),
    "template_bad_change_mode": ("full", lambda j: fapi(j)["Templates"][0].update({"ChangeMode": "reload"})),
    "template_bad_perms": ("full", lambda j: fapi(j)["Templates"][0].update({"Perms": "0999"})),
    "template_wait_min_above_max": ("full", lambda j: fapi(j)["Templates"][0].update({"Wait": {"Min": 10000000000, "Max": 5000000000}})),
    "template_same_destination": ("full", lambda j: fapi(j)["Templates"].append(copy.deepcopy(fapi(j)["Templates"][0]))),
    "artifact_without_source": ("full", lambda j: fapi(j)["Artifacts"][0].update({"GetterSource": ""})),
    "artifact_bad_mode": ("full", lambda j: fapi(j)["Artifacts"][0].update({"GetterMode": "tree"})),
    "artifact_escapes_alloc": ("full", lambda j: fapi(j)["Artifacts"][0].update({"RelativeDest": "../../.."})),
    "artifact_bad_checksum": ("full", lambda j: fapi(j)["Artifacts"][0].update({"GetterOptions": {"checksum": "sha256:abc"}})),
    "artifact_checksum_not_hex": ("full", lambda j: fapi(j)["Artifacts"][0].update({"GetterOptions": {"checksum": "md5:zz"}})),
    "artifact_checksum_type": ("full", lambda j: fapi(j)["Artifacts"][0].update({"GetterOptions": {"checksum": "crc32:abcd"}})),
    "volume_mount_undefined": ("full", lambda j: fapi(j)["VolumeMounts"][0].update({"Volume": "other"})),
    "volume_mount_bad_propagation": ("full", lambda j: fapi(j)["VolumeMounts"][0].update({"PropagationMode": "shared"})),
    "volume_mount_bad_selinux": ("full", lambda j: fapi(j)["VolumeMounts"][0].update({"SELinuxLabel": "q"})),
    "volume_bad_type": ("full", lambda j: tg(j, "api")["Volumes"]["data"].update({"Type": "nfs"})),
    "volume_without_source": ("full", lambda j: tg(j, "api")["Volumes"]["data"].update({"Source": ""})),
    "volume_host_reader_not_read_only": ("full", lambda j: tg(j, "api")["Volumes"]["data"].update({"AccessMode": "single-node-reader-only"})),
    "volume_csi_without_modes": ("full", lambda j: tg(j, "api")["Volumes"]["data"].update({"Type": "csi"})),
    "volume_per_alloc_sticky": ("full", lambda j: tg(j, "api")["Volumes"]["data"].update({"PerAlloc": True, "Sticky": True})),
    "periodic_bad_cron": ("periodic", lambda j: j["Periodic"].update({"Specs": ["61 * * * *"]})),
    "periodic_cron_missing_fields": ("periodic", lambda j: j["Periodic"].update({"Specs": ["0 3 * *"]})),
    "periodic_cron_bad_interval": ("periodic", lambda j: j["Periodic"].update({"Specs": ["*/0 * * * *"]})),
    "periodic_cron_bad_month": ("periodic", lambda j: j["Periodic"].update({"Specs": ["0 3 * foo *"]})),
    "periodic_cron_aliases_ok": ("periodic", lambda j: j["Periodic"].update({"Specs": ["@daily", "0 12 L * ?", "0 9 * * MON-FRI", "0 0 * * 5L", "*/15 1-5/2 * JAN,jul 1#2", "0 0 3 15W * * 2030"]})),
    "periodic_cron_six_fields": ("periodic", lambda j: j["Periodic"].update({"Specs": ["0 0 12 L * ?"]})),
    "periodic_spec_and_specs": ("periodic", lambda j: j["Periodic"].update({"Spec": "0 4 * * *"})),
    "periodic_without_spec": ("periodic", lambda j: j["Periodic"].update({"Specs": None})),
    "periodic_bad_time_zone": ("periodic", lambda j: j["Periodic"].update({"TimeZone": "Mars/Olympus"})),
    "periodic_time_zone_ok": ("periodic", lambda j: j["Periodic"].update({"TimeZone": "Europe/Berlin"})),
    "periodic_bad_spec_type": ("periodic", lambda j: j["Periodic"].update({"SpecType": "rrule"})),
    "parameterized_bad_payload": ("parameterized", lambda j: j["ParameterizedJob"].update({"Payload": "sometimes"})),
    "parameterized_meta_overlap": ("parameterized", lambda j: j["ParameterizedJob"].update({"MetaOptional": ["quality", "input"]})),
    "network_hostname_invalid": ("base", lambda j: tg(j, "frontend")["Networks"][0].update({"Hostname": "a..b"})),
    "network_hostname_label_too_long": ("base", lambda j: tg(j, "frontend")["Networks"][0].update({"Hostname": "x" * 64 + ".example"})),
    "network_hostname_ok": ("base", lambda j: tg(j, "frontend")["Networks"][0].update({"Hostname": "web-1.example"})),
    "network_hostname_interpolated": ("base", lambda j: tg(j, "frontend")["Networks"][0].update({"Hostname": "..${NOMAD_ALLOC_INDEX}"})),
    "cni_arg_key_semicolon": ("base", lambda j: tg(j, "frontend")["Networks"][0].update({"Mode": "cni/mynet", "CNI": {"Args": {"a;b": "1"}}})),
    "cni_arg_value_semicolon": ("base", lambda j: tg(j, "frontend")["Networks"][0].update({"Mode": "cni/mynet", "CNI": {"Args": {"k": "1;2"}}})),
    "expose_error_then_connect_error": ("connect-sidecar", x_expose_then_connect_error),
    "check_negative_thresholds_clamped": ("base", lambda j: gchk(j).update({"SuccessBeforePassing": -1, "FailuresBeforeCritical": -2})),
    "group_shutdown_delay_negative": ("base", lambda j: tg(j, "frontend").update({"ShutdownDelay": -1000000000})),
})

# Edge cases of the Go parsers the validation mirrors (cron, RE2, go-version, url.Parse, miekg/dns, hex).
# Not recorded: a hostname ending in a lone backslash ("a\\"). Nomad pins miekg/dns v1.1.72, whose IsDomainName refuses
# it (miekg/dns #1532, v1.1.59+); the oracle, built for Go 1.19 with an older miekg/dns, accepts it. The emulator
# follows Nomad's pinned version (GroupNetworkValidatorTests).
def specs(*xs): return lambda j: j["Periodic"].update({"Specs": list(xs)})
edge = {
    "cron_dow_eight": specs("0 3 * * 8"),
    "cron_dow_nth_six": specs("0 3 * * 1#6"),
    "cron_year_bad": specs("0 3 * * * 1969"),
    "cron_seconds_bad": specs("60 0 3 * * * *"),
    "cron_interval_60": specs("*/60 * * * *"),
    "cron_range_interval_zero": specs("1-5/0 * * * *"),
    "cron_star_then_junk": specs("*,junk * * * *"),
    "cron_dom_junk_after_star": specs("0 3 *,x * *"),
    "cron_second_spec_bad": specs("0 3 * * *", "0 25 * * *"),
    "cron_eight_fields_ok": specs("0 0 3 * * * 2030 extra"),
    "cron_hourly_alias_ok": specs("@hourly"),
    "cron_empty_directive": specs("0 3 , * *"),
}
for name, edit in edge.items():
    validates[name] = ("periodic", edit)
for name, op, rt in [
    ("regexp_flags_ok", "regexp", "(?i)^web-[0-9]+$"), ("regexp_group_repeat_ok", "regexp", "(?:a|b)+c{2,3}"),
    ("regexp_trailing_backslash", "regexp", "abc\\"), ("regexp_class_bracket_ok", "regexp", "[]a]x"),
    ("regexp_alternation_star", "regexp", "a|*"), ("regexp_lazy_ok", "regexp", "a+?b*?"),
    ("regexp_named_group_ok", "regexp", "(?P<n>a)"), ("regexp_posix_class_ok", "regexp", "[[:alpha:]]+"),
    ("version_pessimistic_ok", "version", "~> 1.2.3"), ("version_trailing_comma", "version", ">= 1.0,"),
    ("version_spaces_ok", "version", "  >=1.0  "), ("version_overflow", "version", ">= 99999999999999999999.0"),
    ("semver_prerelease_ok", "semver", ">= 1.0.0-beta.1"), ("semver_no_dash_prerelease", "semver", ">= 1.0.0beta"),
]:
    validates["constraint_" + name] = ("base", job_constraint(con("${attr.x}", op, rt)))
# Go's regexp/syntax refusals beyond the common ones (every error code), and patterns only RE2's syntax accepts.
for name, rt in [
    ("lookahead", "^(?=web)"), ("lookbehind", "(?<!a)b"), ("backreference", "(a)\\1"), ("any_byte", "\\C"),
    ("count_over_1000", "a{1001}"), ("count_product", "(a{100}){100}"), ("count_reversed", "a{3,2}"),
    ("bad_escape", "web\\Z"), ("bad_hex", "\\x{110000}"), ("reversed_range", "[z-a]"), ("unknown_posix", "[[:foo:]]"),
    ("unknown_property", "\\p{Foo}"), ("unclosed_property", "\\p{Greek"), ("empty_name", "(?P<>a)"),
    ("angle_name", "(?<n>a)"), ("bad_flag", "(?x)a"), ("dangling_flag_minus", "(?i-)a"), ("nested_counts", "a{1,2}{3}"),
    ("lazy_nested", "a**?"), ("class_escape_range", "[a-\\d]"), ("unclosed_class_escape", "[a\\"),
    ("too_deep", "(" * 1001 + ")" * 1001),
    ("script_ok", "\\p{Greek}+"), ("folded_posix_ok", "(?i)[[:^lower:]]"), ("quoted_ok", "\\Qa.b\\E"),
    ("count_1000_ok", "a{1000}"), ("brace_literal_ok", "a{,5}"), ("octal_ok", "\\101\\x{42}"),
]:
    validates["constraint_regexp_go_" + name] = ("base", job_constraint(con("${attr.x}", "regexp", rt)))
validates["affinity_regexp_go_lookahead"] = ("full", lambda j: j["Affinities"][0].update({"Operand": "regexp", "RTarget": "(?=x)"}))
for name, host in [("leading_dash_ok", "-a.b"), ("trailing_dot_ok", "a.b."), ("escaped_dot_ok", "a\\.b"),
                   ("leading_dot", ".a"), ("double_trailing_dot", "a.."),
                   ("too_long", ".".join(["a" * 60] * 5)), ("unicode_ok", "wéb")]:
    validates["hostname_" + name] = ("base", lambda j, h=host: tg(j, "frontend")["Networks"][0].update({"Hostname": h}))
for name, path in [("relative_ok", "health"), ("leading_colon", ":8080/x"), ("colon_in_segment", "a:b/c"),
                   ("colon_after_slash_ok", "/a:b"), ("bad_query_ok", "/h?x=%zz"), ("bad_fragment", "/h#%zz"),
                   ("scheme_digits", "h2c+x://a/b"), ("control_char", "/h\u0001")]:
    validates["check_path_" + name] = ("base", lambda j, p=path: gchk(j).update({"Path": p}))
for name, checksum in [("sha512_short", "sha512:abcd"), ("md5_ok", "md5:" + "ab" * 16), ("spaces_trimmed_ok", "  sha1:" + "cd" * 20 + " "),
                       ("three_parts", "sha256:ab:cd"), ("odd_bad_last", "md5:abc"), ("interpolated_ok", "sha256:${NOMAD_META_sum}")]:
    validates["artifact_checksum_" + name] = ("full", lambda j, c=checksum: fapi(j)["Artifacts"][0].update({"GetterOptions": {"checksum": c}}))
for name, perms in [("ok", "0755"), ("too_big", "17777"), ("empty_digits", "0o644")]:
    validates["template_perms_" + name] = ("full", lambda j, p=perms: fapi(j)["Templates"][0].update({"Perms": p}))
for name, dest in [("absolute_ok", "/etc/app.conf"), ("up_one_ok", "../alloc/x"), ("dots_name", "../../..x")]:
    validates["template_dest_" + name] = ("full", lambda j, d=dest: fapi(j)["Templates"][0].update({"DestPath": d}))

# Group policies: reschedule (incl. the viable-attempts cross check), migrate, max_run_duration, leader tasks.
def resched(**f): return lambda j: tg(j, "frontend")["ReschedulePolicy"].update(f)
for name, fields in [
    ("delay_too_short", dict(Delay=1000000000)),
    ("bad_delay_function", dict(DelayFunction="linear")),
    ("max_delay_below_delay", dict(MaxDelay=10000000000)),
    ("attempts_and_unlimited", dict(Attempts=3, Interval=3600000000000)),
    ("interval_too_short", dict(Unlimited=False, Attempts=2, Interval=10000000000)),
    ("constant_not_viable", dict(Unlimited=False, Attempts=10, Interval=60000000000, DelayFunction="constant", Delay=10000000000)),
    ("exponential_not_viable", dict(Unlimited=False, Attempts=5, Interval=300000000000, Delay=30000000000, MaxDelay=120000000000)),
    ("fibonacci_not_viable", dict(Unlimited=False, Attempts=6, Interval=60000000000, DelayFunction="fibonacci", Delay=10000000000, MaxDelay=45000000000)),
    ("fibonacci_viable", dict(Unlimited=False, Attempts=4, Interval=3600000000000, DelayFunction="fibonacci", Delay=10000000000, MaxDelay=45000000000)),
    ("disabled_ignored", dict(Unlimited=False, Attempts=0, Delay=1)),
]:
    validates["reschedule_" + name] = ("base", resched(**fields))
validates["reschedule_on_system"] = ("system", lambda j: j["TaskGroups"][0].update({"ReschedulePolicy": {"Attempts": 1, "Interval": 86400000000000, "Delay": 5000000000, "DelayFunction": "constant", "MaxDelay": 0, "Unlimited": False}}))
validates["migrate_bad_health_check"] = ("base", lambda j: tg(j, "frontend")["Migrate"].update({"HealthCheck": "manual"}))
validates["migrate_negative_values"] = ("base", lambda j: tg(j, "frontend")["Migrate"].update({"MaxParallel": -1, "MinHealthyTime": -1000000000}))
validates["migrate_min_healthy_above_deadline"] = ("base", lambda j: tg(j, "frontend")["Migrate"].update({"MinHealthyTime": 600000000000}))
validates["max_run_duration_on_service"] = ("base", lambda j: tg(j, "frontend").update({"MaxRunDuration": 0}))
validates["max_run_duration_batch_ok"] = ("batch", lambda j: j["TaskGroups"][0].update({"MaxRunDuration": 60000000000}))
validates["two_leader_tasks"] = ("base", lambda j: (tg(j, "frontend")["Tasks"].append({**copy.deepcopy(task(j, "frontend", "app")), "Name": "app2", "Leader": True}), task(j, "frontend", "app").update({"Leader": True})))

# Task blocks of the "lifecycle" job (lifecycle hooks, identities, actions, CSI plugin) and group disconnect/scaling:
# Task.Validate, TaskGroup.Validate (Disconnect, validateScalingPolicy) and jobValidate's identity checks.
def lc(j, name): return task(j, "app", name)
def lc_group(**f): return lambda j: tg(j, "app").update(f)
def lc_disconnect(**f): return lambda j: tg(j, "app")["Disconnect"].update(f)
def lc_scaling(**f): return lambda j: tg(j, "app")["Scaling"].update(f)
def lc_task(name, **f): return lambda j: lc(j, name).update(f)
def lc_identity(**f): return lambda j: lc(j, "proxy")["Identities"][0].update(f)
def lc_vault(**f):
    return lambda j: lc(j, "app").update({"Vault": {"Role": "", "Namespace": "", "Cluster": "", "Env": True, "DisableFile": False, "ChangeMode": "restart", "ChangeSignal": "", "AllowTokenRenewal": True, **f}})
validates.update({
    "valid_lifecycle": ("lifecycle", lambda j: None),
    "lifecycle_sidecar_without_hook": ("lifecycle", lambda j: lc(j, "migrate")["Lifecycle"].update({"Hook": "", "Sidecar": True})),
    "lifecycle_empty": ("lifecycle", lambda j: lc(j, "migrate")["Lifecycle"].update({"Hook": "", "Sidecar": False})),
    "lifecycle_bad_hook": ("lifecycle", lambda j: lc(j, "migrate")["Lifecycle"].update({"Hook": "prestrat"})),
    "lifecycle_upper_case_hook": ("lifecycle", lambda j: lc(j, "cleanup")["Lifecycle"].update({"Hook": "PostStop"})),
    "lifecycle_no_main_task": ("lifecycle", lambda j: lc(j, "app").update({"Lifecycle": {"Hook": "poststart", "Sidecar": False}})),
    "disconnect_negative_lost_after": ("lifecycle", lc_disconnect(LostAfter=-1000000000)),
    "disconnect_stop_and_lost": ("lifecycle", lc_disconnect(StopOnClientAfter=60000000000)),
    "disconnect_negative_stop_after": ("lifecycle", lc_disconnect(LostAfter=0, StopOnClientAfter=-1)),
    "disconnect_bad_reconcile": ("lifecycle", lc_disconnect(Reconcile="newest")),
    "disconnect_empty_reconcile_ok": ("lifecycle", lc_disconnect(Reconcile="", Replace=None)),
    "disconnect_stop_after_on_batch_ok": ("batch", lambda j: j["TaskGroups"][0].update({"Disconnect": {"LostAfter": 0, "StopOnClientAfter": 30000000000, "Replace": None, "Reconcile": ""}})),
    "disconnect_stop_after_on_system": ("system", lambda j: j["TaskGroups"][0].update({"Disconnect": {"LostAfter": 0, "StopOnClientAfter": 30000000000, "Replace": True, "Reconcile": "best_score"}})),
    "disconnect_everything_wrong": ("sysbatch", lambda j: j["TaskGroups"][0].update({"Disconnect": {"LostAfter": -5, "StopOnClientAfter": -5, "Replace": False, "Reconcile": "x"}})),
    "scaling_max_below_min": ("lifecycle", lc_scaling(Min=3, Max=2)),
    "scaling_count_above_max": ("lifecycle", lc_group(Count=9)),
    "scaling_count_below_min": ("lifecycle", lc_group(Count=0)),
    "scaling_negative_min_and_max": ("lifecycle", lc_scaling(Min=-1, Max=-2)),
    "scaling_negative_max": ("lifecycle", lc_scaling(Max=-1)),
    "scaling_bad_type": ("lifecycle", lc_scaling(Type="vertical_cpu")),
    "scaling_empty_type": ("lifecycle", lc_scaling(Type="")),
    "scaling_partial_target": ("lifecycle", lc_scaling(Target={"Namespace": "other"})),
    "scaling_null_max": ("lifecycle", lc_scaling(Max=None)),
    "scaling_disabled_ok": ("lifecycle", lc_scaling(Enabled=False)),
    "identity_bad_name": ("lifecycle", lc_identity(Name="my identity")),
    "identity_empty_audience": ("lifecycle", lc_identity(Audience=["a", ""])),
    "identity_signal_without_signal": ("lifecycle", lc_identity(ChangeSignal="")),
    "identity_restart_with_signal": ("lifecycle", lc_identity(ChangeMode="restart")),
    "identity_bad_change_mode": ("lifecycle", lc_identity(ChangeMode="reload")),
    "identity_negative_ttl": ("lifecycle", lc_identity(TTL=-1)),
    "identity_filepath_without_file": ("lifecycle", lc_identity(Filepath="secrets/id.jwt")),
    "identity_default_ttl": ("lifecycle", lambda j: lc(j, "migrate")["Identity"].update({"TTL": 60000000000})),
    "identity_default_bad_change_mode": ("lifecycle", lambda j: lc(j, "migrate")["Identity"].update({"ChangeMode": "reload"})),
    "identity_duplicate_default": ("lifecycle", lambda j: lc(j, "proxy")["Identities"].append({**copy.deepcopy(lc(j, "proxy")["Identities"][0]), "Name": "default", "TTL": 0})),
    "identity_vault_prefix_without_vault": ("lifecycle", lc_identity(Name="vault_default")),
    "identity_two_named_ok": ("lifecycle", lambda j: lc(j, "proxy")["Identities"].append({**copy.deepcopy(lc(j, "proxy")["Identities"][0]), "Name": "aws"})),
    "identity_service_unnamed": ("base", lambda j: tg(j, "frontend")["Services"][0].update({"Identity": {"Name": "", "Audience": ["consul.io"], "ChangeMode": "", "ChangeSignal": "", "Env": False, "File": False, "Filepath": "", "ServiceName": "", "TTL": 0}})),
    "action_empty_command": ("lifecycle", lambda j: lc(j, "app")["Actions"][1].update({"Command": ""})),
    "action_bad_name": ("lifecycle", lambda j: lc(j, "app")["Actions"][1].update({"Name": "my action"})),
    "action_empty_name": ("lifecycle", lambda j: lc(j, "app")["Actions"][1].update({"Name": "", "Command": ""})),
    "action_defined_three_times": ("lifecycle", lambda j: lc(j, "app")["Actions"].extend([{"Name": "dump", "Command": "x", "Args": None}, {"Name": "dump", "Command": "y", "Args": None}])),
    "csi_plugin_no_id": ("lifecycle", lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"ID": ""})),
    "csi_plugin_bad_type": ("lifecycle", lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"Type": "nodes"})),
    "csi_plugin_stage_under_mount": ("lifecycle", lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"StagePublishBaseDir": "/csi/stage"})),
    "csi_plugin_stage_is_mount": ("lifecycle", lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"StagePublishBaseDir": "/csi/"})),
    "csi_plugin_stage_relative_ok": ("lifecycle", lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"StagePublishBaseDir": "stage", "MountDir": "/csi"})),
    "csi_plugin_stage_dotdot_prefix": ("lifecycle", lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"StagePublishBaseDir": "/..stage", "MountDir": "/"})),
    "dispatch_payload_escapes": ("parameterized", lambda j: j["TaskGroups"][0]["Tasks"][0]["DispatchPayload"].update({"File": "../../../etc/x"})),
    "dispatch_payload_into_alloc_ok": ("parameterized", lambda j: j["TaskGroups"][0]["Tasks"][0]["DispatchPayload"].update({"File": "../../alloc/in.json"})),
    "dispatch_payload_absolute_ok": ("parameterized", lambda j: j["TaskGroups"][0]["Tasks"][0]["DispatchPayload"].update({"File": "/etc/x"})),
    "vault_default": ("lifecycle", lc_vault()),
    "vault_bad_change_mode": ("lifecycle", lc_vault(ChangeMode="reload")),
    "vault_signal_without_signal": ("lifecycle", lc_vault(ChangeMode="signal")),
    "vault_other_cluster": ("lifecycle", lc_vault(Cluster="infra")),
    "vault_identity_and_errors": ("lifecycle", lambda j: (lc_vault(ChangeMode="x")(j), lc(j, "app").update({"Identities": [{"Name": "vault_default", "Audience": ["vault.io"], "ChangeMode": "", "ChangeSignal": "", "Env": False, "File": False, "Filepath": "", "ServiceName": "", "TTL": 3600000000000}]}))),
})
changes.update({
    "new_lifecycle_job": ("lifecycle", None, c_unchanged),
    "lifecycle_unchanged": ("lifecycle", c_unchanged, c_unchanged),
    "lifecycle_hook_changed": ("lifecycle", c_unchanged, lambda j: lc(j, "migrate")["Lifecycle"].update({"Hook": "poststart"})),
    "lifecycle_sidecar_off": ("lifecycle", c_unchanged, lambda j: lc(j, "proxy")["Lifecycle"].update({"Sidecar": False})),
    "lifecycle_added": ("lifecycle", c_unchanged, lambda j: lc(j, "app").update({"Lifecycle": {"Hook": "prestart", "Sidecar": True}}) or tg(j, "app")["Tasks"].append({**copy.deepcopy(lc(j, "migrate")), "Name": "main", "Lifecycle": None})),
    "lifecycle_removed": ("lifecycle", c_unchanged, lambda j: lc(j, "cleanup").update({"Lifecycle": None})),
    "disconnect_edited": ("lifecycle", c_unchanged, lc_disconnect(Reconcile="longest_running", LostAfter=7200000000000)),
    "disconnect_removed": ("lifecycle", c_unchanged, lc_group(Disconnect=None)),
    "disconnect_added": ("lifecycle", lc_group(Disconnect=None), c_unchanged),
    "disconnect_defaults": ("lifecycle", c_unchanged, lc_disconnect(Reconcile="", Replace=None, LostAfter=0, StopOnClientAfter=30000000000)),
    "scaling_edited": ("lifecycle", c_unchanged, lc_scaling(Max=10, Policy={"cooldown": "2m", "check": [{"cpu": [{"source": "prometheus"}]}]})),
    "scaling_removed": ("lifecycle", c_unchanged, lc_group(Scaling=None)),
    "identity_edited": ("lifecycle", c_unchanged, lc_identity(TTL=7200000000000, Audience=["consul.io", "x"])),
    "identity_added": ("lifecycle", c_unchanged, lambda j: lc(j, "app").update({"Identities": [{**copy.deepcopy(lc(j, "proxy")["Identities"][0]), "Name": "aws"}]})),
    "identity_default_in_list": ("lifecycle", c_unchanged, lambda j: lc(j, "app").update({"Identities": [{"Name": "", "Audience": ["x"], "ChangeMode": "signal", "ChangeSignal": "sigusr1", "Env": True, "File": False, "Filepath": "", "ServiceName": "", "TTL": 0, "ExtraClaims": None}]})),
    "default_identity_edited": ("lifecycle", c_unchanged, lambda j: lc(j, "migrate")["Identity"].update({"Env": False})),
    "action_added": ("lifecycle", c_unchanged, lambda j: lc(j, "app")["Actions"].append({"Name": "reload", "Command": "kill", "Args": ["-HUP", "1"]})),
    "action_edited": ("lifecycle", c_unchanged, lambda j: lc(j, "app")["Actions"][0].update({"Args": ["-c", "set"]})),
    "action_removed": ("lifecycle", c_unchanged, lambda j: lc(j, "app").update({"Actions": None})),
    "csi_plugin_edited": ("lifecycle", c_unchanged, lambda j: task(j, "plugin", "csi")["CSIPluginConfig"].update({"Type": "monolith", "HealthTimeout": 60000000000})),
    "dispatch_payload_edited": ("parameterized", c_unchanged, lambda j: j["TaskGroups"][0]["Tasks"][0]["DispatchPayload"].update({"File": "in/payload.json"})),
})

# Gaps found by running Nomad's own e2e job files through the emulator (each rebuilt here as a small edit):
# the agent's conversion drops a task's disk and the deprecated disconnect fields, keeps an empty Specs list and
# converts task networks; ParameterizedJobConfig.Canonicalize; transparent proxy and secrets implied constraints;
# the proxy the expose-check hook creates.
def e_task_network(j):
    net = copy.deepcopy(tg(j, "frontend")["Networks"][0]); net["DynamicPorts"][0]["Label"] = "admin"; net["MBits"] = 10
    task(j, "frontend", "app")["Resources"]["Networks"] = [net]
def e_tproxy(j):
    j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]["TransparentProxy"] = {
        "UID": "", "OutboundPort": 0, "ExcludeInboundPorts": None, "ExcludeOutboundPorts": None,
        "ExcludeOutboundCIDRs": None, "ExcludeUIDs": None, "NoDNS": False}
def e_expose_no_proxy(j):
    x_expose_check(j); j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"] = None
def e_secrets(j):
    # one group with secrets: Nomad walks a map of groups, so two groups' providers come in a random order
    task(j, "frontend", "app")["Secrets"] = [{"Name": "db", "Provider": "nomad", "Path": "app/db", "Config": None, "Env": None},
                                             {"Name": "token", "Provider": "aws", "Path": "kv/token", "Config": None, "Env": {"TOKEN": "value"}}]
validates.update({
    "task_disk_ignored_ok": ("base", lambda j: task(j, "frontend", "app")["Resources"].update({"DiskMB": 500})),
    "parameterized_empty_payload_ok": ("parameterized", lambda j: j["ParameterizedJob"].update({"Payload": ""})),
    "deprecated_disconnect_fields_dropped": ("base", lambda j: tg(j, "frontend").update({"MaxClientDisconnect": 3600000000000, "StopAfterClientDisconnect": 60000000000, "PreventRescheduleOnLost": True})),
    "task_network_warning": ("base", e_task_network),
})
changes.update({
    "new_periodic_cron_spec": ("periodic", None, lambda j: j["Periodic"].update({"Spec": "0 3 * * *", "Specs": []})),
    "new_task_network_job": ("base", None, e_task_network),
    "new_deprecated_disconnect_fields": ("base", None, lambda j: tg(j, "frontend").update({"MaxClientDisconnect": 3600000000000, "PreventRescheduleOnLost": True})),
    "new_task_disk": ("base", None, lambda j: task(j, "frontend", "app")["Resources"].update({"DiskMB": 500})),
    "new_parameterized_empty_payload": ("parameterized", None, lambda j: j["ParameterizedJob"].update({"Payload": ""})),
    "new_connect_tproxy": ("connect-sidecar", None, e_tproxy),
    "new_connect_expose_without_proxy": ("connect-sidecar", None, e_expose_no_proxy),
    "new_secrets_job": ("base", None, e_secrets),
    "new_secret_with_config": ("base", None, lambda j: task(j, "frontend", "app").update({"Secrets": [{"Name": "db", "Provider": "nomad", "Path": "app/db", "Config": {"namespace": "default", "ttl": 1000000, "nested": {"a": [1, "x"]}}, "Env": None}]})),
    "secret_config_edited": ("base", lambda j: task(j, "frontend", "app").update({"Secrets": [{"Name": "db", "Provider": "nomad", "Path": "app/db", "Config": {"namespace": "default", "ttl": 5}, "Env": None}]}),
                             lambda j: task(j, "frontend", "app").update({"Secrets": [{"Name": "db", "Provider": "nomad", "Path": "app/db", "Config": {"namespace": "prod", "ttl": 5}, "Env": None}]})),
})

# Task.Validate's secrets (Secret.Validate) and Connect proxy task kinds (ValidateConnectProxyService).
def sec(name="db", provider="nomad", path="app/db", config=None, env=None):
    return {"Name": name, "Provider": provider, "Path": path, "Config": config, "Env": env}
def set_secrets(*secrets): return lambda j: task(j, "frontend", "app").update({"Secrets": list(secrets)})
def proxy_task(kind, **extra):
    def edit(j):
        g = j["TaskGroups"][0]
        t = copy.deepcopy(g["Tasks"][0]); t.update({"Name": "proxy2", "Kind": kind, "Services": None, **extra})
        g["Tasks"].append(t)
    return edit
validates.update({
    "secret_ok": ("base", set_secrets(sec(), sec("token", "aws", "kv/t", env={"T": "v"}))),
    "secret_duplicate": ("base", set_secrets(sec(), sec(path="other"))),
    "secret_bad_fields": ("base", set_secrets(sec("my-secret", "", ""))),
    "secret_empty_name": ("base", set_secrets(sec(""))),
    "secret_vault_without_vault_block": ("base", set_secrets(sec(provider="vault"))),
    "secret_nomad_with_env": ("base", set_secrets(sec(env={"A": "b"}))),
    "secret_custom_with_config": ("base", set_secrets(sec(provider="aws", config={"region": "x"}))),
    "connect_proxy_kind_unknown_service": ("connect-sidecar", proxy_task("connect-proxy:nope", Leader=True)),
    "connect_proxy_kind_without_connect": ("base", lambda j: tg(j, "worker")["Tasks"].append({**copy.deepcopy(task(j, "worker", "w")), "Name": "p", "Kind": "connect-proxy:web"})),
})

# ConsulConnect.Validate inside Service.Validate: exactly one of native/sidecar/gateway; transparent proxy UIDs.
def tproxy(**f):
    def edit(j):
        e_tproxy(j); j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]["TransparentProxy"].update(f)
    return edit
validates.update({
    "connect_native_and_sidecar": ("connect-sidecar", lambda j: j["TaskGroups"][0]["Services"][0]["Connect"].update({"Native": True})),
    "connect_tproxy_bad_uids": ("connect-sidecar", tproxy(UID="abc", ExcludeUIDs=["70000", "", "+1", "0042"])),
    "connect_tproxy_uids_ok": ("connect-sidecar", tproxy(UID="65535", ExcludeUIDs=["0", "1000"])),
})

# ConsulGateway.Validate (proxy, bind addresses, ingress listeners and services, terminating services, one kind),
# the transparent proxy's excluded outbound CIDRs (netip.ParsePrefix texts both Go versions share), Job.Validate's
# null characters and description lengths, Template.Warnings, and groups registered without policies (filled).
def gw(j): return j["TaskGroups"][0]["Services"][0]["Connect"]["Gateway"]
def listener(j): return gw(j)["Ingress"]["Listeners"][0]
def linked(j): return gw(j)["Terminating"]["Services"][0]
def custom_proxy(**f):
    return lambda j: gw(j).update({"Proxy": {"ConnectTimeout": 5000000000, "EnvoyGatewayBindTaggedAddresses": False, "EnvoyGatewayBindAddresses": None, "EnvoyGatewayNoDefaultBind": True, "EnvoyDNSDiscoveryType": "", "Config": None, **f}})
def bind(address, port): return {"x": {"Address": address, "Port": port}}
def cidrs(*c): return tproxy(ExcludeOutboundCIDRs=list(c))
def one_template_grace(j):
    t = task(j, "web", "app"); t["Templates"][1]["VaultGrace"] = 15000000000
validates.update({
    "gateway_proxy_dns_type_bad": ("gateway-terminating", lambda j: gw(j)["Proxy"].update({"EnvoyDNSDiscoveryType": "DNS"})),
    "gateway_proxy_dns_type_ok": ("gateway-terminating", lambda j: gw(j)["Proxy"].update({"EnvoyDNSDiscoveryType": "STRICT_DNS"})),
    "gateway_proxy_custom_without_timeout_ok": ("gateway-terminating", custom_proxy(ConnectTimeout=None, EnvoyGatewayBindAddresses=bind("0.0.0.0", 9000))),
    "gateway_bind_address_empty": ("gateway-terminating", custom_proxy(EnvoyGatewayBindAddresses=bind("", 9000))),
    "gateway_bind_port_zero": ("gateway-terminating", custom_proxy(EnvoyGatewayBindAddresses=bind("0.0.0.0", 0))),
    "gateway_bind_port_autofill_ok": ("gateway-terminating", custom_proxy(EnvoyGatewayBindAddresses=bind("0.0.0.0", -1))),
    "gateway_ingress_listener_port_zero": ("gateway-ingress-host", lambda j: listener(j).update({"Port": 0})),
    "gateway_ingress_bridge_listener_port_zero": ("gateway-ingress", lambda j: listener(j).update({"Port": 0})),
    "gateway_ingress_no_listeners": ("gateway-ingress", lambda j: gw(j)["Ingress"].update({"Listeners": []})),
    "gateway_ingress_protocol_bad": ("gateway-ingress", lambda j: listener(j).update({"Protocol": "udp"})),
    "gateway_ingress_no_services": ("gateway-ingress", lambda j: listener(j).update({"Services": []})),
    "gateway_ingress_service_without_name": ("gateway-ingress", lambda j: listener(j)["Services"][0].update({"Name": ""})),
    "gateway_ingress_tcp_wildcard": ("gateway-ingress", lambda j: listener(j)["Services"][0].update({"Name": "*"})),
    "gateway_ingress_tcp_hosts": ("gateway-ingress", lambda j: listener(j)["Services"][0].update({"Hosts": ["api.example.com"]})),
    "gateway_ingress_http_wildcard_hosts": ("gateway-ingress", lambda j: (listener(j).update({"Protocol": "http"}), listener(j)["Services"][0].update({"Name": "*", "Hosts": ["api.example.com"]}))),
    "gateway_ingress_http_hosts_ok": ("gateway-ingress", lambda j: (listener(j).update({"Protocol": "http2"}), listener(j)["Services"][0].update({"Hosts": ["api.example.com"]}))),
    "gateway_ingress_tls_ok": ("gateway-ingress", lambda j: gw(j)["Ingress"].update({"TLS": {"Enabled": True, "TLSMinVersion": "TLSv9", "TLSMaxVersion": "", "CipherSuites": ["nope"], "SDS": None}})),
    "gateway_terminating_no_services": ("gateway-terminating", lambda j: gw(j)["Terminating"].update({"Services": []})),
    "gateway_terminating_service_without_name": ("gateway-terminating", lambda j: linked(j).update({"Name": ""})),
    "gateway_terminating_cert_without_ca": ("gateway-terminating", lambda j: linked(j).update({"CertFile": "c.pem", "KeyFile": "k.pem"})),
    "gateway_terminating_cert_without_key": ("gateway-terminating", lambda j: linked(j).update({"CAFile": "ca.pem", "CertFile": "c.pem"})),
    "gateway_terminating_sni_without_ca": ("gateway-terminating", lambda j: linked(j).update({"SNI": "legacy.example"})),
    "gateway_terminating_tls_ok": ("gateway-terminating", lambda j: linked(j).update({"CAFile": "ca.pem", "CertFile": "c.pem", "KeyFile": "k.pem", "SNI": "legacy.example"})),
    "gateway_two_kinds": ("gateway-terminating", lambda j: gw(j).update({"Mesh": {}})),
    "gateway_no_kind": ("gateway-terminating", lambda j: gw(j).update({"Terminating": None})),
    "connect_tproxy_one_bad_cidr": ("connect-sidecar", cidrs("10.0.0.0")),
    "connect_tproxy_bad_cidrs": ("connect-sidecar", tproxy(UID="x", ExcludeOutboundCIDRs=["10.0.0.0/8", "1.2.3.4/33", "1.2.3.4/x", "1.2.3/8", "01.2.3.4/8", "256.1.1.1/8", "1.2.3.4.5/8", "a.b/8", "1..2.3/8", "/8", "abc/8", "%eth0/8"])),
    "connect_tproxy_bad_ipv6_cidrs": ("connect-sidecar", cidrs("::1/129", "fe80::1%eth0/64", "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", ":1/8", "1:/8", "fe80::%/64", "1:2:3:4:5:6:7:8::/64", "1:2:3/64", "1:2:3:4:5:6:7:1.2.3.4/96", "1:2:3x::/64", "1:2:3:4:5:6:7/64")),
    "connect_tproxy_cidrs_ok": ("connect-sidecar", cidrs("10.0.0.0/8", "0.0.0.0/0", "::/0", "fd00::/8", "::ffff:1.2.3.4/128", "1:2:3:4:5:6:1.2.3.4/128", "10.1.2.3/0")),
    "job_id_null_character": ("base", lambda j: j.update({"ID": "web\u0000x"})),
    "job_id_space_and_null_character": ("base", lambda j: j.update({"ID": "web \u0000x"})),
    "job_name_null_character": ("base", lambda j: j.update({"Name": "web\u0000x"})),
    "group_name_null_character": ("base", lambda j: tg(j, "worker").update({"Name": "work\u0000er"})),
    "task_name_null_character": ("base", lambda j: task(j, "worker", "w").update({"Name": "w\u0000x"})),
    "task_name_slash_and_null_character": ("base", lambda j: task(j, "worker", "w").update({"Name": "w/\u0000x"})),
    "ui_description_too_long": ("base", lambda j: j.update({"UI": {"Description": "\u00e9" * 501, "Links": None}})),
    "ui_description_at_limit_ok": ("base", lambda j: j.update({"UI": {"Description": "\u00e9" * 500, "Links": [{"Label": "docs", "URL": "https://example.com"}]}})),
    "version_tag_description_too_long": ("base", lambda j: j.update({"VersionTag": {"Name": "v1", "Description": "x" * 1001, "TaggedTime": 0}})),
    "version_tag_description_at_limit_ok": ("base", lambda j: j.update({"VersionTag": {"Name": "v1", "Description": "x" * 1000, "TaggedTime": 0}})),
    "template_vault_grace_warning": ("rich", one_template_grace),
    "template_vault_grace_warnings_with_others": ("rich", lambda j: (one_template_grace(j), task(j, "web", "app")["Templates"][0].update({"VaultGrace": 1}), task(j, "web", "app")["Resources"].update({"IOPS": 10}))),
    "group_without_policies_filled": ("base", lambda j: tg(j, "frontend").update({"RestartPolicy": None, "ReschedulePolicy": None, "EphemeralDisk": None})),
    "batch_group_without_policies_filled": ("batch", lambda j: j["TaskGroups"][0].update({"RestartPolicy": None, "ReschedulePolicy": None, "EphemeralDisk": None})),
    "system_group_without_policies_filled": ("system", lambda j: j["TaskGroups"][0].update({"RestartPolicy": None, "ReschedulePolicy": None, "EphemeralDisk": None})),
})

# Issue 13, Nomad's own job files: shapes they hold that differed (UI links, CNI args, a group service's task
# reaching its checks, exponent-form numbers in a driver config, task scaling policies, an expose block's Path,
# the namespace/node pool/Consul cluster validators).
def rw_task(j): return task(j, "app", "app")
def rw_connect_expose(j):
    proxy = j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]
    proxy["Expose"] = {"Paths": [{"Path": "/health", "Protocol": "http", "LocalPathPort": 9001, "ListenerPort": "api_expose"}], "Path": None}
def rw_connect_expose_deprecated_path(j):
    rw_connect_expose(j)
    expose = j["TaskGroups"][0]["Services"][0]["Connect"]["SidecarService"]["Proxy"]["Expose"]
    expose["Path"] = [{"Path": "/old", "Protocol": "http", "LocalPathPort": 9002, "ListenerPort": "api_expose"}]
def rw_task_added_with_check_task_name(j):
    # a copied task whose service checks still name the original task: the server drops a task service check's name
    r_task_added(j)
    for svc in task(j, "web", "app2")["Services"] or []:
        for c in svc["Checks"] or []: c["TaskName"] = "app"
changes.update({
    "new_realworld": ("realworld", None, c_unchanged),
    "realworld_unchanged": ("realworld", c_unchanged, c_unchanged),
    "ui_link_edited": ("realworld", c_unchanged, lambda j: j["UI"]["Links"][1].update({"URL": "https://example.com/dash2"})),
    "ui_link_added": ("realworld", c_unchanged, lambda j: j["UI"]["Links"].append({"Label": "Logs", "URL": "https://example.com/logs"})),
    "ui_link_removed": ("realworld", c_unchanged, lambda j: j["UI"]["Links"].pop(0)),
    "ui_links_all_removed": ("realworld", c_unchanged, lambda j: j["UI"].update({"Links": None})),
    "cni_arg_edited": ("realworld", c_unchanged, lambda j: j["TaskGroups"][0]["Networks"][0]["CNI"]["Args"].update({"Greeting": "hi"})),
    "cni_arg_added": ("realworld", c_unchanged, lambda j: j["TaskGroups"][0]["Networks"][0]["CNI"]["Args"].update({"Extra": "1"})),
    "config_float_edited": ("realworld", c_unchanged, lambda j: rw_task(j)["Config"].update({"big": 2000000, "ratio": 0.0001, "half": 1e21})),
    "task_scaling_policy_edited": ("realworld", c_unchanged, lambda j: rw_task(j)["ScalingPolicies"][0].update({"Max": 800})),
    "new_connect_expose_paths": ("connect-sidecar", None, rw_connect_expose),
    "task_added_with_check_task_name": ("rich", c_unchanged, rw_task_added_with_check_task_name),
    "new_connect_expose_deprecated_path": ("connect-sidecar", None, rw_connect_expose_deprecated_path),
})
validates.update({
    "valid_realworld": ("realworld", lambda j: None),
    "group_service_script_check_without_task": ("realworld", lambda j: j["TaskGroups"][0]["Services"][0].update({"TaskName": ""})),
    "nonexistent_namespace": ("base", lambda j: j.update({"Namespace": "web-qa"})),
    "nonexistent_node_pool": ("base", lambda j: j.update({"NodePool": "prod"})),
    "nonexistent_namespace_and_node_pool_with_other_errors": ("base", lambda j: (j.update({"Namespace": "infra", "NodePool": "ingress"}), v_negative_count(j))),
    "node_pool_all_ok": ("base", lambda j: j.update({"NodePool": "all"})),
    "consul_cluster_non_default_group": ("base", lambda j: tg(j, "frontend").update({"Consul": {"Namespace": "", "Cluster": "other", "Partition": ""}})),
    "consul_cluster_non_default_service": ("base", lambda j: gsvc(j).update({"Cluster": "other"})),
    "consul_cluster_non_default_nomad_service_ok": ("base", lambda j: gsvc(j).update({"Cluster": "other", "Provider": "nomad"})),
    "consul_cluster_non_default_task": ("base", lambda j: task(j, "frontend", "app").update({"Consul": {"Namespace": "", "Cluster": "other", "Partition": ""}})),
    "consul_partition_mismatch": ("base", lambda j: (tg(j, "frontend").update({"Consul": {"Namespace": "", "Cluster": "", "Partition": "a"}}), task(j, "frontend", "app").update({"Consul": {"Namespace": "", "Cluster": "", "Partition": "b"}}))),
    "consul_cluster_and_namespace_errors": ("base", lambda j: (gsvc(j).update({"Cluster": "other"}), j.update({"Namespace": "web-qa"}), v_negative_count(j))),
})

# Issue 13, third round (edited pairs from a generator over the corpus and hand-written API jobs): what differed.
def dev(j, **kw):
    d = {"Name": "nvidia/gpu", "Count": 1, "Constraints": None, "Affinities": None}; d.update(kw)
    task(j, "frontend", "app")["Resources"]["Devices"] = [d]
validates.update({
    "device_constraint_without_operand": ("base", lambda j: dev(j, Constraints=[{"LTarget": "${device.vendor}", "RTarget": "nvidia", "Operand": ""}])),
    "device_constraint_and_affinity_errors": ("base", lambda j: dev(j, Name="", Constraints=[
        {"LTarget": "", "RTarget": "", "Operand": "distinct_hosts"}, {"LTarget": "${device.model}", "RTarget": "(", "Operand": "regexp"}],
        Affinities=[{"LTarget": "${device.attr.memory}", "RTarget": "2 GiB", "Operand": ">=", "Weight": 0}])),
    "device_constraint_and_affinity_ok": ("base", lambda j: dev(j, Constraints=[{"LTarget": "${device.vendor}", "RTarget": "nvidia", "Operand": "="}],
        Affinities=[{"LTarget": "${device.attr.memory}", "RTarget": "2 GiB", "Operand": ">=", "Weight": 50}])),
    "job_max_count_exceeded": ("base", lambda j: tg(j, "frontend").update({"Count": 50000})),
    "job_max_count_at_limit_ok": ("base", lambda j: tg(j, "frontend").update({"Count": 49999})),
})
changes.update({
    "disconnect_without_lost_after": ("base", c_unchanged, lambda j: tg(j, "worker").update({"Disconnect": {"LostAfter": None, "Replace": None, "Reconcile": None, "StopOnClientAfter": None}})),
    "new_config_floats": ("base", None, lambda j: task(j, "worker", "w")["Config"].update({"v": [0.00001, 1e-7, 0.000001, 1e21, 2.5e22, 1e20, 123456789.5, 5e-324, -1.25e-8]})),
})
# A register body the agent decodes into api.Job: missing fields and nulls of value fields are Go zero values,
# keys match case-insensitively, unknown keys are dropped.
PARTIAL_JOB = {"ID": "partial", "Name": "partial", "Type": "service", "datacenters": ["dc1"], "Bogus": 1,
    "TaskGroups": [{"Name": "g", "Count": None, "Disconnect": {"Replace": None},
        "Volumes": {"v": {"Name": "v", "Type": "csi", "Source": "src", "AccessMode": "single-node-writer",
                          "AttachmentMode": "file-system", "MountOptions": {"FsType": "ext4", "mountflags": ["noatime"]}}},
        "Networks": [{"Mode": "host", "DynamicPorts": [{"Label": "http"}]}],
        "Tasks": [{"Name": "t", "Driver": "docker", "Config": {"image": "a:1"}, "Resources": {"CPU": 100, "MemoryMB": 64, "Unknown": 5},
                   "VolumeMounts": [{"Volume": "v", "Destination": "/v"}],
                   "Identities": [{"Name": "aws", "Audience": ["sts"], "TTL": None, "ChangeMode": None}],
                   "Services": [{"Name": "t-svc", "PortLabel": "http", "Provider": "nomad", "checks": [{"Type": "tcp", "Interval": 10000000000, "Timeout": 1000000000}]}]}]}]}
def partial_task(j):
    t = copy.deepcopy(PARTIAL_JOB["TaskGroups"][0]["Tasks"][0]); t["Name"] = "partial"; t["VolumeMounts"] = None
    t["Services"][0]["PortLabel"] = ""; t["Services"][0]["checks"] = None
    tg(j, "worker")["Tasks"].append(t)
changes.update({
    "new_partial_body": ("base", None, lambda j: (j.clear(), j.update(copy.deepcopy(PARTIAL_JOB)))),
    "partial_task_added": ("base", c_unchanged, partial_task),
})
def numa(j, **kw):
    r = task(j, "frontend", "app")["Resources"]; r["NUMA"] = {"Affinity": "none", "Devices": None}; r["NUMA"].update(kw)
validates.update({
    "numa_device_not_requested": ("base", lambda j: numa(j, Affinity="prefer", Devices=["nvidia/gpu"])),
    "numa_affinity_unknown": ("base", lambda j: (dev(j), numa(j, Affinity="bogus", Devices=["nvidia/gpu", "fpga"]))),
})
changes.update({
    "consul_partition_constraints": ("base", c_unchanged, lambda j: (
        tg(j, "frontend").update({"Consul": {"Namespace": "", "Cluster": "", "Partition": "a"}}),
        task(j, "worker", "w").update({"Consul": {"Namespace": "", "Cluster": "", "Partition": "b"}}))),
    "new_priority_zero": ("base", None, lambda j: j.update({"Priority": 0})),
    "new_job_with_fields_the_agent_drops": ("base", None, lambda j: j.update({"ParentID": "parent", "Dispatched": True,
        "ConsulNamespace": "team", "NomadTokenID": "token", "DispatchIdempotencyToken": "once", "VaultNamespace": "kept"})),
    "template_change_script_without_args": ("rich", c_unchanged, lambda j: task(j, "web", "app")["Templates"][1]["ChangeScript"].update({"Args": None})),
})
changes.update({
    "gateway_custom_proxy_without_bind_addresses": ("gateway-terminating", c_unchanged, lambda j: gw(j)["Proxy"].update({"EnvoyGatewayNoDefaultBind": True})),
})
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
