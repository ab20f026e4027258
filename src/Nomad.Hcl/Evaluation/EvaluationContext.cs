using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Functions;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// Names visible to an expression: variables, functions, and a parent scope (for-expression and dynamic block
/// iterators add a child). <see cref="UndefinedVariable"/> answers for names defined nowhere, as Nomad's HCL fork does.
/// </summary>
public sealed class EvaluationContext
{
    /// <summary>Creates a root context.</summary>
    public EvaluationContext(IReadOnlyDictionary<string, HclValue> variables, IReadOnlyDictionary<string, HclFunction> functions, Func<SourceRange, HclValue?>? undefinedVariable = null)
    {
        Variables = variables;
        Functions = functions;
        UndefinedVariable = undefinedVariable;
    }

    private EvaluationContext(EvaluationContext parent, IReadOnlyDictionary<string, HclValue> variables)
    {
        Parent = parent;
        Variables = variables;
        Functions = parent.Functions;
        UndefinedVariable = parent.UndefinedVariable;
        FunctionsAllowed = parent.FunctionsAllowed;
    }

    private EvaluationContext()
    {
        Variables = new Dictionary<string, HclValue>();
        Functions = new Dictionary<string, HclFunction>();
        IsNil = true;
        FunctionsAllowed = false;
    }

    /// <summary>
    /// HCL's nil <c>*hcl.EvalContext</c>, as jobspec2 evaluates variable defaults, <c>variables {}</c> values, var-file
    /// values and validation messages: a name is <c>Variables not allowed</c> and a call <c>Function calls not allowed</c>
    /// (a for expression's child scope makes names known again, but not functions).
    /// </summary>
    public static EvaluationContext Nil() => new();

    /// <summary>Whether this scope stands for HCL's nil context (it has no variables map at all).</summary>
    public bool IsNil { get; }

    /// <summary>Whether some scope in the chain has a functions map (hclsyntax's <c>hasNonNilMap</c>).</summary>
    public bool FunctionsAllowed { get; } = true;

    /// <summary>Whether some scope in the chain has a variables map (hcl's TraverseAbs <c>hasNonNil</c>).</summary>
    public bool VariablesAllowed
    {
        get
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (!scope.IsNil)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The enclosing scope, if any.</summary>
    public EvaluationContext? Parent { get; }

    /// <summary>The variables of this scope.</summary>
    public IReadOnlyDictionary<string, HclValue> Variables { get; }

    /// <summary>The functions callable from expressions.</summary>
    public IReadOnlyDictionary<string, HclFunction> Functions { get; }

    /// <summary>Gives a value for a traversal whose root is defined nowhere, or null to report it.</summary>
    public Func<SourceRange, HclValue?>? UndefinedVariable { get; }

    /// <summary>A child scope adding <paramref name="variables"/>.</summary>
    public EvaluationContext WithChild(IReadOnlyDictionary<string, HclValue> variables) => new(this, variables);

    /// <summary>Looks a name up through the scopes.</summary>
    public bool TryLookup(string name, out HclValue value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Variables.TryGetValue(name, out value!))
            {
                return true;
            }
        }

        value = HclValue.Null;
        return false;
    }
}
