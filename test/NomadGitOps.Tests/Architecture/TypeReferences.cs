using System.Reflection;
using System.Reflection.Emit;

namespace NomadGitOps.Tests.Architecture;

/// <summary>
/// Every type a type of an assembly names: in its signatures (base type, interfaces, fields, properties, events,
/// method parameters and results, generic arguments) and in its method bodies (locals, and each field, method, type or
/// token the IL refers to, read opcode by opcode), its nested types (lambdas, async state machines) included.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> and its nested types refer to, generic arguments and element types unfolded.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = new HashSet<Type>();
        Collect(type, found);
        return found;
    }

    private static void Collect(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var i in type.GetInterfaces())
        {
            Add(i, found);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType, found);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType, found);
        }

        foreach (var e in type.GetEvents(Everything))
        {
            Add(e.EventHandlerType, found);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            AddSignature(method, found);
            ReadBody(method, found);
        }

        foreach (var nested in type.GetNestedTypes(Everything))
        {
            Collect(nested, found);
        }
    }

    private static void AddSignature(MethodBase method, HashSet<Type> found)
    {
        foreach (var parameter in method.GetParameters())
        {
            Add(parameter.ParameterType, found);
        }

        if (method is MethodInfo info)
        {
            Add(info.ReturnType, found);
        }

        if (method.IsGenericMethod)
        {
            foreach (var argument in method.GetGenericArguments())
            {
                Add(argument, found);
            }
        }
    }

    private static void ReadBody(MethodBase method, HashSet<Type> found)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, found);
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    AddMember(method.Module.ResolveMember(token, typeArguments, methodArguments), found);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void AddMember(MemberInfo? member, HashSet<Type> found)
    {
        switch (member)
        {
            case Type type:
                Add(type, found);
                break;
            case FieldInfo field:
                Add(field.DeclaringType, found);
                Add(field.FieldType, found);
                break;
            case MethodBase method:
                Add(method.DeclaringType, found);
                AddSignature(method, found);
                break;
        }
    }

    private static void Add(Type? type, HashSet<Type> found)
    {
        while (type is not null && (type.HasElementType || type.IsGenericParameter))
        {
            type = type.IsGenericParameter ? null : type.GetElementType();
        }

        if (type is null || !found.Add(type))
        {
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, found);
            }
        }

        if (type.DeclaringType is { } outer)
        {
            Add(outer, found);
        }
    }
}
