namespace Nomad.Hcl.Functions;

/// <summary>
/// A function whose result cty leaves unknown: go-cty-yaml's YAMLDecodeFunc implies the type of a document holding
/// only null as cty.DynamicPseudoType and then answers cty.DynamicVal. The function caller turns it into
/// <see cref="Evaluation.EvaluationException.Unknown"/>.
/// </summary>
internal sealed class UnknownResultException : Exception
{
    /// <summary>Creates the signal.</summary>
    public UnknownResultException() : base("value must be known")
    {
    }
}
