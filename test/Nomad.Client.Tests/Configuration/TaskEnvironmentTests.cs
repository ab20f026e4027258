namespace Nomad.Client.Tests.Configuration;

/// <summary>FromEnvironment inside a Nomad task: the token file in the secrets directory and the task API socket.</summary>
public sealed class TaskEnvironmentTests : IDisposable
{
    private readonly string _secrets = Directory.CreateTempSubdirectory("nomad-secrets-").FullName;

    [Fact]
    public void Without_NOMAD_TOKEN_the_token_is_read_from_the_secrets_directory_without_its_newline()
    {
        File.WriteAllText(Path.Combine(_secrets, "nomad_token"), "eyJhbGciOi.identity.jwt\n");

        var options = NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_SECRETS_DIR"] = _secrets });

        options.Token.ShouldBe("eyJhbGciOi.identity.jwt");
        options.TokenFile.ShouldBe(Path.Combine(_secrets, "nomad_token"));
        options.ToString().ShouldNotContain("identity.jwt");
    }

    [Fact]
    public void NOMAD_TOKEN_wins_over_the_token_file_which_is_then_not_used_at_all()
    {
        File.WriteAllText(Path.Combine(_secrets, "nomad_token"), "from-the-file");

        var options = NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_SECRETS_DIR"] = _secrets, ["NOMAD_TOKEN"] = "from-the-env" });

        options.Token.ShouldBe("from-the-env");
        options.TokenFile.ShouldBeNull();
    }

    [Fact]
    public void A_secrets_directory_without_a_token_file_means_no_token_yet_but_the_file_is_remembered()
    {
        var options = NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_SECRETS_DIR"] = _secrets });

        options.Token.ShouldBeNull();
        options.TokenFile.ShouldBe(Path.Combine(_secrets, "nomad_token"));
    }

    [Fact]
    public void Without_NOMAD_ADDR_the_task_API_socket_in_NOMAD_UNIX_ADDR_is_the_address_and_NOMAD_ADDR_wins_when_set()
    {
        var unix = "unix://" + Path.Combine(_secrets, "api.sock");

        NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_UNIX_ADDR"] = unix }).Address.ShouldBe(unix);
        NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_UNIX_ADDR"] = unix, ["NOMAD_ADDR"] = "http://10.0.0.1:4646" })
            .Address.ShouldBe("http://10.0.0.1:4646");
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);
}
