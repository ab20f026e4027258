using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Turns an API job into a stored job. (Stand-in: a few defaults and one check.)</summary>
public static class JobAdmission
{
    /// <summary>The stored job, or Nomad's validation error text.</summary>
    public static AdmissionResult Admit(JsonObject apiJob)
    {
        ArgumentNullException.ThrowIfNull(apiJob);
        var job = (JsonObject)apiJob.DeepClone();
        if (job["TaskGroups"] is not JsonArray { Count: > 0 })
        {
            return new AdmissionResult(null, "1 error occurred:\n\t* Missing job task groups\n\n", []);
        }

        job["Name"] ??= job["ID"]?.DeepClone();
        job["Type"] ??= "service";
        job["Priority"] ??= 50;
        job["Region"] ??= "global";
        job["NodePool"] ??= "default";
        job["Stop"] ??= false;
        foreach (var name in new[] { "Meta", "Periodic", "ParameterizedJob", "Constraints" })
        {
            if (!job.ContainsKey(name))
            {
                job[name] = null;
            }
        }

        return new AdmissionResult(job, null, []);
    }
}
