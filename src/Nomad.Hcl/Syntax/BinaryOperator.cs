namespace Nomad.Hcl.Syntax;

/// <summary>HCL's binary operators.</summary>
public enum BinaryOperator
{
    Or, And, Equal, NotEqual, LessThan, LessThanOrEqual, GreaterThan, GreaterThanOrEqual, Add, Subtract, Multiply, Divide, Modulo,
}
