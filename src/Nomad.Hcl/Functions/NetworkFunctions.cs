using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>CIDR functions of go-cty-funcs' cidr package: cidrhost, cidrnetmask, cidrsubnet, cidrsubnets.</summary>
internal static class NetworkFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["cidrhost"] = Of(a => HclValue.String(Host(a[0].AsString(), WholeNumber(a[1]))), P("prefix", HclType.String), P("hostnum", HclType.Number));
        table["cidrnetmask"] = Of(a => HclValue.String(Netmask(a[0].AsString())), P("prefix", HclType.String));
        table["cidrsubnets"] = Variadic(a => Strings(Subnets(a[0].AsString(), [.. a.Skip(1)])), P("newbits", HclType.Number), P("prefix", HclType.String));
        table["cidrsubnet"] = Of(a => HclValue.String(Subnet(a[0].AsString(), WholeNumber(a[1]), WholeNumber(a[2]))), P("prefix", HclType.String), P("newbits", HclType.Number), P("netnum", HclType.Number));
    }

    private sealed record Network(UInt128 Address, int PrefixLength, int Bits);

    private static Network ParseCidr(string prefix)
    {
        var slash = prefix.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !GoIpSyntax(prefix[..slash]) || !IPAddress.TryParse(prefix[..slash], out var ip)
            || !int.TryParse(prefix[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new FunctionException($"invalid CIDR expression: invalid CIDR address: {prefix}");
        }

        var bits = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (length > bits)
        {
            throw new FunctionException($"invalid CIDR expression: invalid CIDR address: {prefix}");
        }

        var address = ToNumber(ip.GetAddressBytes());
        return new Network(address & Mask(length, bits), length, bits);
    }

    // Go's net.ParseIP: four decimal IPv4 parts without leading zeros, or IPv6 without a zone.
    private static bool GoIpSyntax(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return !text.Contains('%', StringComparison.Ordinal);
        }

        var parts = 0;
        var rest = text.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            var part = dot < 0 ? rest : rest[..dot];
            if (part.Length is < 1 or > 3 || part.ContainsAnyExceptInRange('0', '9') || (part.Length > 1 && part[0] == '0')
                || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }

            parts++;
            if (dot < 0)
            {
                return parts == 4;
            }

            rest = rest[(dot + 1)..];
        }
    }

    private static UInt128 ToNumber(byte[] bytes)
    {
        UInt128 n = 0;
        foreach (var b in bytes)
        {
            n = (n << 8) | b;
        }

        return n;
    }

    private static UInt128 Mask(int length, int bits) =>
        length == 0 ? 0 : (UInt128.MaxValue << (128 - length)) >> (128 - bits);

    private static string Format(UInt128 address, int bits)
    {
        var bytes = new byte[bits / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(address & 0xFF);
            address >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }

    private static string Host(string prefix, long number)
    {
        var network = ParseCidr(prefix);
        var hostBits = network.Bits - network.PrefixLength;
        var size = hostBits >= 128 ? UInt128.MaxValue : UInt128.One << hostBits;
        UInt128 offset;
        if (number < 0)
        {
            var magnitude = (UInt128)(ulong)(-number);
            if (magnitude > size)
            {
                // go-cidr counts a negative host number from the end before checking it.
                var counted = hostBits < 63 ? number + (1L << hostBits) : number;
                throw new FunctionException($"prefix of {network.PrefixLength} does not accommodate a host numbered {counted}");
            }

            offset = size - magnitude;
        }
        else
        {
            offset = (ulong)number;
            if (hostBits < 128 && offset >= size)
            {
                throw new FunctionException($"prefix of {network.PrefixLength} does not accommodate a host numbered {number}");
            }
        }

        return Format(network.Address | offset, network.Bits);
    }

    private static string Netmask(string prefix)
    {
        var network = ParseCidr(prefix);
        return Format(Mask(network.PrefixLength, network.Bits), network.Bits);
    }

    // Consecutive subnets, each the next aligned block after the previous one (go-cty-funcs' cidrsubnets).
    private static List<string> Subnets(string prefix, IReadOnlyList<HclValue> newbitsValues)
    {
        Network network;
        try
        {
            network = ParseCidr(prefix);
        }
        catch (FunctionException e)
        {
            throw new FunctionException(e.Message, 0);
        }

        var newbits = new List<long>(newbitsValues.Count);
        for (var i = 0; i < newbitsValues.Count; i++)
        {
            newbits.Add(WholeNumber(newbitsValues[i], "", i + 1));
        }

        var all = Mask(network.Bits, network.Bits);
        var result = new List<string>();
        if (newbits.Count == 0)
        {
            return result;
        }

        var firstLength = (int)Math.Clamp(network.PrefixLength + newbits[0], 0, network.Bits);
        var current = (network.Address - 1) & all & Mask(firstLength, network.Bits);
        var currentLength = firstLength;
        for (var i = 0; i < newbits.Count; i++)
        {
            var bits = newbits[i];
            if (bits < 1)
            {
                throw new FunctionException("must extend prefix by at least one bit", i + 1);
            }

            if (bits > 32)
            {
                throw new FunctionException("may not extend prefix by more than 32 bits", i + 1);
            }

            var length = network.PrefixLength + (int)bits;
            if (length > network.Bits)
            {
                throw new FunctionException($"would extend prefix to {length} bits, which is too long for an {(network.Bits == 32 ? "IPv4" : "IPv6")} address", i + 1);
            }

            var last = current | (~Mask(currentLength, network.Bits) & all);
            var lastOfNew = (last & Mask(length, network.Bits)) | (~Mask(length, network.Bits) & all);
            var next = (lastOfNew + 1) & all;
            if (next == 0 || (next & Mask(network.PrefixLength, network.Bits)) != network.Address)
            {
                throw new FunctionException($"not enough remaining address space for a subnet with a prefix of {length} bits after {Format(current, network.Bits)}/{currentLength}", i + 1);
            }

            current = next;
            currentLength = length;
            result.Add(Format(next, network.Bits) + "/" + length.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    private static string Subnet(string prefix, long newbits, long netnum)
    {
        var network = ParseCidr(prefix);
        if (newbits > 32)
        {
            throw new FunctionException("may not extend prefix by more than 32 bits");
        }

        var length = network.PrefixLength + (int)newbits;
        if (length < 0 || length > network.Bits)
        {
            throw new FunctionException($"insufficient address space to extend prefix of {network.PrefixLength} by {(int)newbits}");
        }

        // go-cidr checks the number's magnitude, then ORs it (two's complement when negative) into the address and
        // keeps the magnitude of the result.
        var magnitude = netnum < 0 ? (UInt128)(ulong)(-(netnum + 1)) + 1 : (UInt128)(ulong)netnum;
        // A negative newbits makes go-cidr's largest subnet number wrap to the largest uint64: nothing is refused.
        if (newbits is >= 0 and < 64 && magnitude >= (UInt128.One << (int)newbits))
        {
            throw new FunctionException($"prefix extension of {(int)newbits} does not accommodate a subnet numbered {netnum}");
        }

        UInt128 address;
        if (netnum >= 0)
        {
            address = network.Bits - length >= 128 ? network.Address : network.Address | (magnitude << (network.Bits - length));
        }
        else
        {
            var combined = BigInteger.Abs((BigInteger)network.Address | (new BigInteger(netnum) << (network.Bits - length)));
            address = (UInt128)(combined & ((BigInteger.One << network.Bits) - 1));
        }

        return Format(address, network.Bits) + "/" + length.ToString(CultureInfo.InvariantCulture);
    }
}
