namespace Nomad.Emulator.Filter;

/// <summary>The match operators of go-bexpr (<c>grammar/ast.go</c>).</summary>
public enum MatchOperator
{
    /// <summary><c>Selector == value</c>.</summary>
    Equal,

    /// <summary><c>Selector != value</c>.</summary>
    NotEqual,

    /// <summary><c>value in Selector</c> (or <c>Selector contains value</c>).</summary>
    In,

    /// <summary><c>value not in Selector</c> (or <c>Selector not contains value</c>).</summary>
    NotIn,

    /// <summary><c>Selector is empty</c>.</summary>
    IsEmpty,

    /// <summary><c>Selector is not empty</c>.</summary>
    IsNotEmpty,

    /// <summary><c>Selector matches "regexp"</c>.</summary>
    Matches,

    /// <summary><c>Selector not matches "regexp"</c>.</summary>
    NotMatches,
}
