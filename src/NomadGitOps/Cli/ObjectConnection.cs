using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// What the object verbs (<c>get</c>, <c>reconcile</c>, <c>suspend</c>…) talk to: Nomad's variables, reached as the
/// <c>nomad</c> CLI reaches them (<c>NOMAD_ADDR</c>, <c>NOMAD_TOKEN</c>, TLS variables), under the object prefix and
/// namespace of <c>run</c> (<c>NOMAD_GITOPS_PREFIX</c>, <c>NOMAD_GITOPS_NAMESPACE</c>). No nomad-gitops server is needed.
/// </summary>
internal sealed class ObjectConnection : IDisposable
{
    /// <summary>A connection over <paramref name="nomad"/>, which it disposes.</summary>
    public static ObjectConnection Open(NomadClient nomad, ObjectStoreOptions options) => new(nomad, options);

    private ObjectConnection(NomadClient nomad, ObjectStoreOptions options)
    {
        Nomad = nomad;
        Options = options;
        Store = new ObjectStore(nomad, options, NullLogger<ObjectStore>.Instance);
        Commands = new ObjectCommands(nomad, Store, options, TimeProvider.System, NullLogger<ObjectCommands>.Instance);
    }

    /// <summary>The Nomad client.</summary>
    public NomadClient Nomad { get; }

    /// <summary>Prefix and namespace of the object variables.</summary>
    public ObjectStoreOptions Options { get; }

    /// <summary>Reads and writes objects.</summary>
    public ObjectStore Store { get; }

    /// <summary>Reconcile requests, suspend, resume, pause.</summary>
    public ObjectCommands Commands { get; }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => Nomad.Dispose();
}
