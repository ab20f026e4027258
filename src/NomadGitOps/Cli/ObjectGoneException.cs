namespace NomadGitOps.Cli;

/// <summary>An object a verb was following was deleted meanwhile; the message says which.</summary>
internal sealed class ObjectGoneException(string message) : Exception(message);
