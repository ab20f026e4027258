using System.Text;

namespace Nomad.Emulator.State;

/// <summary>
/// Every variable and lock answer's text, with the Nomad source it comes from. Several come back
/// wrapped twice in <c>structs.NewErrRPCCoded</c> (once in <c>canonicalizeAndValidate</c>, again in
/// <c>Variables.Apply</c>), and <c>command/agent/http.go</c>'s <c>wrap</c> strips only the outer
/// <c>RPC Error:: 400,</c>: the body then keeps the inner prefix, which <see cref="RpcCoded400"/> reproduces.
/// </summary>
public static class VariablesErrors
{
    /// <summary>The prefix of a coded RPC error (<c>nomad/structs/errors.go</c>, <c>NewErrRPCCoded</c>).</summary>
    public const string RpcCoded400 = "RPC Error:: 400,";

    /// <summary>400 (<c>command/agent/variable_endpoint.go</c>, <c>VariableSpecificRequest</c>).</summary>
    public const string MissingPath = "missing variable path";

    /// <summary>400 for an empty or missing Items (<c>variableUpsert</c>).</summary>
    public const string MissingItems = "variable missing required Items object";

    /// <summary>400 (<c>VariableSpecificRequest</c>).</summary>
    public const string CasWithLock = "CAS can't be used with lock operations";

    /// <summary>400 (<c>getLockOperation</c>).</summary>
    public const string MultipleLockOperations = "multiple lock operations";

    /// <summary>404 for a read of a missing variable (<c>variableQuery</c>).</summary>
    public const string NotFound = "variable not found";

    /// <summary>Renew: 404 (coded, <c>nomad/variables_endpoint.go</c> <c>errVarNotFound</c>); release: 500 (uncoded, <c>nomad/state/state_store_variables.go</c>).</summary>
    public const string VariableDoesNotExist = "variable doesn't exist";

    /// <summary>Renew: 409 (coded, <c>errLockNotFound</c>); release: 500 (uncoded, state store).</summary>
    public const string LockNotFound = "variable doesn't hold a lock";

    /// <summary>409 on a renew with another ID or after the TTL ran out (<c>errVarIsLocked</c>).</summary>
    public const string VariableIsLocked = "attempting to modify locked variable";

    /// <summary>400 for a release without a lock ID: <c>errMissingLockInfo</c> wrapped again by <c>Apply</c>.</summary>
    public const string MissingLockInformation = RpcCoded400 + "missing lock information";

    /// <summary>400 for a release with Items: <c>errItemsOnRelease</c> wrapped again by <c>Apply</c>.</summary>
    public const string ItemsOnRelease = RpcCoded400 + "lock release operation doesn't take variable items";

    /// <summary>400 for a plain write carrying a lock TTL or delay: <c>errLockOnVarCreation</c>, wrapped twice more.</summary>
    public const string LockOnVariableCreation = RpcCoded400 + RpcCoded400 + "variable should not contain lock definition";

    /// <summary>500 for a renew without a lock ID: <c>VariablesRenewLockRequest.Validate</c>, a multierror.</summary>
    public static readonly string MissingLockId = MultiError(["missing lock ID"]);

    /// <summary>The size limit (<c>nomad/structs/variables.go</c>, <c>maxVariableSize</c>: key and value bytes summed).</summary>
    public const int MaxSize = 65536;

    /// <summary>Over <see cref="MaxSize"/> (<c>VariableDecrypted.Validate</c>).</summary>
    public const string TooLarge = "variables are limited to 64KiB in total size";

    /// <summary>Lock TTL outside 10s..24h (<c>VariableLock.Validate</c>, <c>errInvalidTTL</c>).</summary>
    public const string InvalidTtl = "TTL must be between 10 seconds and 24 hours";

    /// <summary>A negative TTL or delay (<c>errNegativeDelayOrTTL</c>).</summary>
    public const string NegativeDelayOrTtl = "Lock delay and TTL must be positive";

    /// <summary>Writing to <c>namespace=*</c> (<c>VariableDecrypted.Validate</c>).</summary>
    public const string WildcardNamespace = "can not target wildcard (\"*\")namespace";

    /// <summary>A path outside <c>^[a-zA-Z0-9-_~/]{1,128}$</c> (<c>ValidatePath</c>).</summary>
    public static string InvalidPath(string path) => $"invalid path {GoQuote(path)}";

    /// <summary><c>nomad</c> alone (<c>ValidatePath</c>).</summary>
    public const string NomadReserved =
        "\"nomad\" is a reserved top-level directory path, but you may write variables to \"nomad/jobs\", \"nomad/job-templates\", \"nomad/sentinel\", or below";

    /// <summary><c>nomad/job-templates</c> itself or deeper than one level (<c>ValidatePath</c>).</summary>
    public const string JobTemplatesReserved =
        "\"nomad/job-templates\" is a reserved directory path, but you may write variables at the level below it, for example, \"nomad/job-templates/template-name\"";

    /// <summary>Any other path under <c>nomad/</c> (<c>ValidatePath</c>).</summary>
    public const string NomadOther =
        "only paths at \"nomad/jobs\" or \"nomad/job-templates\" and below are valid paths under the top-level \"nomad\" directory";

    /// <summary>400 for a <c>cas</c> that is not an unsigned integer (<c>parseCAS</c>, with <c>strconv.ParseUint</c>'s error).</summary>
    public static string CannotParseCas(string text, bool outOfRange) =>
        $"can not parse cas: strconv.ParseUint: parsing {GoQuote(text)}: {(outOfRange ? "value out of range" : "invalid syntax")}";

    /// <summary>go-multierror's text for a list of errors (<c>ListFormatFunc</c>).</summary>
    public static string MultiError(IReadOnlyList<string> errors)
    {
        var text = new StringBuilder(errors.Count == 1 ? "1 error occurred:\n" : $"{errors.Count} errors occurred:\n");
        foreach (var e in errors)
        {
            text.Append("\t* ").Append(e).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Go's <c>%q</c> for the characters a path can hold.</summary>
    public static string GoQuote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
