using System.Text;
using NomadGitOps.Objects;
using static NomadGitOps.Tests.Scenarios.BadInput.BadInputKind;

namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>
/// The bad-input corpus (issue 12 §2): every case with the error it must give. One running controller takes them all
/// at once (<see cref="BadInputScenario"/>) beside healthy objects that must keep converging.
/// </summary>
internal static class BadInputCorpus
{
    /// <summary>The repository every job-file case is committed to.</summary>
    public const string JobFiles = "jobfiles";

    private const string Url = "{daemon}/healthy.git";

    /// <summary>Every case, grouped as the issue lists them.</summary>
    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        // Objects: GitRepository spec items.
        Repo("a missing url", "no-url", "item \"url\"", (ItemKeys.Branch, "main")),
        Repo("a branch name git refuses", "bad-branch", "branch", (ItemKeys.Url, Url), (ItemKeys.Branch, "main..x")),
        Repo("a branch starting with a dash", "dash-branch", "branch", (ItemKeys.Url, Url), (ItemKeys.Branch, "-main")),
        Repo("a tag with a space", "bad-tag", "tag", (ItemKeys.Url, Url), (ItemKeys.Tag, "v1 2")),
        Repo("a semver range that does not parse", "bad-semver", "semver", (ItemKeys.Url, Url), (ItemKeys.Semver, "banana")),
        Repo("two ref selectors", "two-refs", "branch", (ItemKeys.Url, Url), (ItemKeys.Branch, "main"), (ItemKeys.Tag, "v1")),
        Repo("a commit that is no sha", "short-commit", "commit", (ItemKeys.Url, Url), (ItemKeys.Commit, "abc123")),
        Repo("an include regex that does not compile", "bad-include", "include", (ItemKeys.Url, Url), (ItemKeys.Include, "([a-z")),
        Repo("an exclude regex that does not compile", "bad-exclude", "exclude", (ItemKeys.Url, Url), (ItemKeys.Exclude, "*.hcl")),
        new("a catastrophic include regex on a path that makes it backtrack", new Repository("catastrophic", (ItemKeys.Url, "{daemon}/jobfiles.git"), (ItemKeys.Include, "^(a|aa)+$")),
            new BadInputExpectation.Status("gitrepository/catastrophic", Reasons.InvalidSpec, "include/exclude|simplify")),
        Repo("interval banana", "banana-interval", "interval", (ItemKeys.Url, Url), (ItemKeys.Interval, "banana")),
        Repo("an interval under a second", "tiny-interval", "interval", (ItemKeys.Url, Url), (ItemKeys.Interval, "1ms")),
        Repo("a timeout that is no duration", "bad-timeout", "timeout", (ItemKeys.Url, Url), (ItemKeys.Timeout, "soon")),
        Repo("path ../../etc", "dotdot-path", "path", (ItemKeys.Url, Url), (ItemKeys.Path, "../../etc")),
        Repo("an absolute path", "absolute-path", "path", (ItemKeys.Url, Url), (ItemKeys.Path, "/etc")),
        Repo("an unknown item", "unknown-item", "brnach", (ItemKeys.Url, Url), ("brnach", "main")),
        Repo("a boolean written yes", "yes-suspend", "suspend", (ItemKeys.Url, Url), (ItemKeys.Suspend, "yes")),
        Repo("prune written 1", "one-prune", "prune", (ItemKeys.Url, Url), (ItemKeys.Prune, "1")),
        Repo("a namespace Nomad refuses", "bad-namespace", "namespace", (ItemKeys.Url, Url), (ItemKeys.Namespace, "a_b")),
        Repo("a url with a password in it", "password-url", "url", (ItemKeys.Url, "https://bob:hunter2@example.com/x.git")),
        Repo("a url of an unknown scheme", "ftp-url", "url", (ItemKeys.Url, "ftp://example.com/x.git")),
        Repo("a secret path with spaces", "bad-secret-path", "secret", (ItemKeys.Url, Url), (ItemKeys.Secret, "no such/secret path")),
        Repo("a var_files path escaping the repository", "dotdot-var-files", "var_files", (ItemKeys.Url, Url), (ItemKeys.VarFiles, "../secrets.hcl")),
        new("items that leave almost no room for status (messages cut to fit)", new Repository("crowded", (ItemKeys.Url, Url), (ItemKeys.Include, "^none$"), (ItemKeys.Description, new string('x', 65_200))),
            new BadInputExpectation.Status("gitrepository/crowded", Reasons.Succeeded, "[truncated]")),
        new("70 KiB of items", new NomadWrite("nomad-gitops/v1/gitrepository/overfull", 70 * 1024), new BadInputExpectation.Answer(400, "limited to 64KiB")),
        Git("a secret path that does not exist", "missing-secret", Reasons.AuthenticationFailed, "nomad-gitops/secrets/absent",
            (ItemKeys.Url, "{http}/private.git"), (ItemKeys.Secret, "nomad-gitops/secrets/absent")),

        // Objects: hand-made NomadJobs.
        Job("a NomadJob with no repository", "no-repo", "repository", (ItemKeys.File, "web.nomad.hcl")),
        Job("a NomadJob with no file", "no-file", "file", (ItemKeys.Repository, "healthy")),
        Job("a NomadJob whose job_id disagrees with its path", "wrong-id", "job_id", (ItemKeys.Repository, "healthy"), (ItemKeys.File, "web.nomad.hcl"), (ItemKeys.JobId, "other")),
        Job("a NomadJob file path with ..", "dotdot-file", "file", (ItemKeys.Repository, "healthy"), (ItemKeys.File, "../web.nomad.hcl")),
        Job("a NomadJob managed_by someone else", "foreign-manager", "managed_by", (ItemKeys.Repository, "healthy"), (ItemKeys.File, "web.nomad.hcl"), (ItemKeys.ManagedBy, "flux")),
        Job("a NomadJob wait_timeout banana", "banana-wait", "wait_timeout", (ItemKeys.Repository, "healthy"), (ItemKeys.File, "web.nomad.hcl"), (ItemKeys.WaitTimeout, "banana")),
        new("a NomadJob of a repository that does not exist", new Job("default", "orphan-repo", (ItemKeys.Repository, "nowhere"), (ItemKeys.File, "web.nomad.hcl")),
            new BadInputExpectation.Status("nomadjob/default/orphan-repo", Reasons.DependencyNotReady, "nowhere")),
        new("a NomadJob of a file that is not in the repository", new Job("default", "ghost-file", (ItemKeys.Repository, "healthy"), (ItemKeys.File, "ghost.nomad.hcl")),
            new BadInputExpectation.Status("nomadjob/default/ghost-file", Reasons.RenderFailed, "ghost.nomad.hcl")),

        // Objects: Receivers.
        new("a receiver of an unknown type", new Receiver("svn", (ItemKeys.Type, "subversion"), (ItemKeys.Secret, "nomad-gitops/secrets/hook")),
            new BadInputExpectation.Status("receiver/svn", Reasons.InvalidSpec, "type")),
        new("a receiver with no secret", new Receiver("nosecret", (ItemKeys.Type, "github")),
            new BadInputExpectation.Status("receiver/nosecret", Reasons.InvalidSpec, "secret")),
        new("a receiver whose secret does not exist", new Receiver("lostsecret", (ItemKeys.Type, "github"), (ItemKeys.Secret, "nomad-gitops/secrets/gone")),
            new BadInputExpectation.Status("receiver/lostsecret", Reasons.AuthenticationFailed, "nomad-gitops/secrets/gone")),

        // Job files, all in one repository beside a good one.
        Index("a syntax error", "syntax.nomad.hcl", "job \"syntax\" {\n  group \"g\" {\n", "syntax.nomad.hcl"),
        Index("two job blocks", "two.nomad.hcl", Hcl("two-a") + Hcl("two-b"), "two.nomad.hcl"),
        Index("no job block", "nojob.nomad.hcl", "variable \"x\" {\n  default = 1\n}\n", "nojob.nomad.hcl"),
        Index("an empty file", "empty.nomad.hcl", "", "empty.nomad.hcl"),
        Index("only a comment", "comment.nomad.hcl", "# nothing here\n", "comment.nomad.hcl"),
        new("a 10 MB file", new JobFile("huge.nomad.hcl", Encoding.UTF8.GetBytes(Hcl("huge") + "# " + new string('x', 10 * 1024 * 1024) + "\n")),
            Indexed("huge.nomad.hcl|at most 1 MB")),
        new("a binary file", new JobFile("binary.nomad.hcl", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))]), Indexed("binary.nomad.hcl")),
        new("invalid UTF-8", new JobFile("latin1.nomad.hcl", [.. Encoding.UTF8.GetBytes("job \"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\" {\n}\n")]), Indexed("latin1.nomad.hcl is not UTF-8")),
        new("a symlink escaping the repository (never followed: job files are regular files, docs/git-sources.md)", new Symlink("escape.nomad.hcl", "../../../../../../etc/passwd"),
            new BadInputExpectation.Skipped("gitrepository/" + JobFiles, "escape.nomad.hcl")),
        Index("malformed JSON", "broken.json", "{\n  \"ID\": \"broken\",\n  oops\n}", "broken.json"),
        Index("JSON with no job ID", "noid.json", "{ \"Type\": \"batch\" }", "noid.json"),
        Index("a job ID with a space", "spaced.nomad.hcl", Hcl("has space"), "spaced.nomad.hcl"),
        Index("an HCL1-only heredoc job file that is no HCL2", "hcl1.nomad.hcl", "job \"hcl1\" {\n  group \"g\" {\n    count = <<EOF\n", "hcl1.nomad.hcl"),
        Index("file(\"../../etc/passwd\")", "passwd.nomad.hcl", "job \"passwd\" {\n  meta {\n    x = file(\"../../etc/passwd\")\n  }\n" + Group + "}\n", "Job file passwd.nomad.hcl|outside the file system root"),
        Index("file(\"/etc/passwd\")", "abspasswd.nomad.hcl", "job \"abspasswd\" {\n  meta {\n    x = file(\"/etc/passwd\")\n  }\n" + Group + "}\n", "Job file abspasswd.nomad.hcl|outside the file system root"),
        Index("file() of a missing file", "nofile.nomad.hcl", "job \"nofile\" {\n  meta {\n    x = file(\"missing.txt\")\n  }\n" + Group + "}\n", "Job file nofile.nomad.hcl|missing.txt"),
        Index("an undefined variable", "novar.nomad.hcl", "job \"novar\" {\n  meta {\n    x = var.nope\n  }\n" + Group + "}\n", "Job file novar.nomad.hcl|nope"),
        Index("an unknown block", "unknownblock.nomad.hcl", "job \"unknownblock\" {\n  bogus {\n  }\n" + Group + "}\n", "Job file unknownblock.nomad.hcl|bogus"),
        Nomad("a job Nomad refuses (negative count)", "negative", Hcl("negative", count: -1), "count"),
        Nomad("a job type Nomad does not know", "badtype", "job \"badtype\" {\n  type = \"banana\"\n" + Group + "}\n", "banana"),
        Nomad("a job in a namespace that does not exist", "lostns", "job \"lostns\" {\n  namespace = \"nowhere\"\n" + Group + "}\n", "nonexistent namespace \"nowhere\"", ns: "nowhere"),
        new("a job ID another repository already owns", new JobFile("taken.nomad.hcl", Encoding.UTF8.GetBytes(Hcl("taken"))),
            new BadInputExpectation.Status("gitrepository/" + JobFiles, null, "default/taken", ItemKeys.StatusIndexConflicts)),

        // Git sources.
        Git("a repository that does not exist", "no-such-repo", Reasons.GitOperationFailed, "", (ItemKeys.Url, "{daemon}/no-such-repo.git")),
        Git("wrong credentials", "wrong-password", Reasons.AuthenticationFailed, "", (ItemKeys.Url, "{http}/private.git"), (ItemKeys.Secret, "nomad-gitops/secrets/wrong-password")),
        Git("no credentials for a server that wants them", "no-credentials", Reasons.AuthenticationFailed, "", (ItemKeys.Url, "{http}/private.git")),
        Git("an unknown host key", "unknown-host-key", Reasons.AuthenticationFailed, "host key", (ItemKeys.Url, "{ssh}/private.git"), (ItemKeys.Secret, "nomad-gitops/secrets/other-host")),
        Git("an unreachable host", "unreachable", Reasons.GitOperationFailed, "", (ItemKeys.Url, "git://127.0.0.1:{closed-port}/x.git")),
        Git("a host name that does not resolve", "unresolvable", Reasons.GitOperationFailed, "", (ItemKeys.Url, "git://no-such-host.invalid/x.git")),
        Git("a branch that does not exist", "no-branch", Reasons.RefNotFound, "nope", (ItemKeys.Url, Url), (ItemKeys.Branch, "nope")),
        Git("a tag that does not exist", "no-tag", Reasons.RefNotFound, "v9.9.9", (ItemKeys.Url, Url), (ItemKeys.Tag, "v9.9.9")),
        Git("a semver range no tag matches", "no-semver", Reasons.RefNotFound, ">=9.0.0", (ItemKeys.Url, Url), (ItemKeys.Semver, ">=9.0.0")),
        Git("a commit that does not exist", "no-commit", Reasons.RefNotFound, "", (ItemKeys.Url, Url), (ItemKeys.Commit, new string('a', 40))),
        new("a corrupt cache", new DamagedCache("corrupt-cache", "{daemon}/cache-a.git", "garbage"),
            new BadInputExpectation.Status("gitrepository/corrupt-cache", Reasons.Succeeded, "")),
        new("a shallow cache", new DamagedCache("shallow-cache", "{daemon}/cache-b.git", "shallow"),
            new BadInputExpectation.Status("gitrepository/shallow-cache", Reasons.Succeeded, "")),

        // Webhooks and API.
        Http("a forged signature", new Request("POST", "{hook}", Push, "not-the-secret", ("X-GitHub-Event", "push")), 401),
        Http("no signature", new Request("POST", "{hook}", Push, null, ("X-GitHub-Event", "push")), 401),
        Http("truncated JSON", new Request("POST", "{hook}", Push[..(Push.Length / 2)], BadInputWorld.HookSecret, ("X-GitHub-Event", "push")), 400),
        Http("a body that is no JSON", new Request("POST", "{hook}", [0, 1, 2, 255, 254], BadInputWorld.HookSecret, ("X-GitHub-Event", "push")), 400),
        Http("a 10 MB body", new Request("POST", "{hook}", new byte[10 * 1024 * 1024], BadInputWorld.HookSecret, ("X-GitHub-Event", "push")), 413),
        Http("an unknown event", new Request("POST", "{hook}", Push, BadInputWorld.HookSecret, ("X-GitHub-Event", "banana")), 200, "ignored"),
        Http("no event header", new Request("POST", "{hook}", Push, BadInputWorld.HookSecret), 400, "names no event"),
        Http("a GET on a hook", new Request("GET", "{hook}", [], null), 405),
        Http("a hook path no receiver has", new Request("POST", "/hook/0123456789abcdef", Push, BadInputWorld.HookSecret, ("X-GitHub-Event", "push")), 404),
        Http("a hook path with .. (folded to the API, which wants its token)", new Request("POST", "/hook/../api/v1/controller/pause", Push, BadInputWorld.HookSecret, ("X-GitHub-Event", "push")), 401),
        Http("a wrong API token", new Request("POST", "/api/v1/gitrepository/healthy/suspend", [], null, ("Authorization", "Bearer wrong-token")), 401),
        Http("no API token", new Request("POST", "/api/v1/gitrepository/healthy/suspend", [], null), 401),
        Http("an API path with ..", new Request("POST", "/api/v1/gitrepository/../../controller/pause", [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), 404),
        Http("an API path with an encoded ..", new Request("POST", "/api/v1/gitrepository/..%2F..%2Fcontroller/pause", [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), 404),
        Http("an API action on an unknown object", new Request("POST", "/api/v1/gitrepository/nobody/reconcile", [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), 404),
        Http("an unknown API action", new Request("POST", "/api/v1/gitrepository/healthy/explode", [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), 404),
        Http("a NomadJob API path with .. as namespace", new Request("POST", "/api/v1/nomadjob/../web/suspend", [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), 404),
    ];

    private static byte[] Push => Encoding.UTF8.GetBytes(
        """{"ref":"refs/heads/main","after":"0000000000000000000000000000000000000000","repository":{"clone_url":"https://example.com/acme/nothing.git"}}""");

    private const string Group = "  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n      config {\n        image = \"nginx\"\n      }\n    }\n  }\n";

    /// <summary>A small valid HCL job.</summary>
    public static string Hcl(string id, int count = 1) =>
        $"job \"{id}\" {{\n  datacenters = [\"dc1\"]\n  group \"g\" {{\n    count = {count}\n    task \"t\" {{\n      driver = \"docker\"\n      config {{\n        image = \"nginx\"\n      }}\n    }}\n  }}\n}}\n";

    private static BadInputCase Repo(string name, string obj, string fragment, params (string, string)[] items) =>
        new(name, new Repository(obj, items), new BadInputExpectation.Status("gitrepository/" + obj, Reasons.InvalidSpec, fragment));

    private static BadInputCase Git(string name, string obj, string reason, string fragment, params (string, string)[] items) =>
        new(name, new GitSource(obj, items), new BadInputExpectation.Status("gitrepository/" + obj, reason, fragment));

    private static BadInputCase Job(string name, string id, string fragment, params (string, string)[] items) =>
        new(name, new Job("default", id, items), new BadInputExpectation.Status("nomadjob/default/" + id, Reasons.InvalidSpec, fragment));

    private static BadInputExpectation.Status Indexed(string file) =>
        new BadInputExpectation.Status("gitrepository/" + JobFiles, null, "Job file " + file, ItemKeys.StatusIndexErrors);

    private static BadInputCase Index(string name, string file, string content, string fragment) =>
        new(name, new JobFile(file, Encoding.UTF8.GetBytes(content)),
            new BadInputExpectation.Status("gitrepository/" + JobFiles, null, fragment, ItemKeys.StatusIndexErrors));

    private static BadInputCase Nomad(string name, string id, string content, string fragment, string ns = "default") =>
        new(name, new JobFile(id + ".nomad.hcl", Encoding.UTF8.GetBytes(content)), new BadInputExpectation.Status($"nomadjob/{ns}/{id}", Reasons.PlanFailed, fragment));

    private static BadInputCase Http(string name, Request request, int status, string fragment = "") =>
        new(name, request, new BadInputExpectation.Answer(status, fragment));
}
