using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NomadGitOps.Engine;

/// <summary>
/// Spreads the interval re-checks of up-to-date objects over the whole interval, deterministically: each object has a
/// fixed slot in the interval (a hash of its controller and key, modulo the interval, on the clock's timeline), and its
/// next re-check is its first slot at least half an interval away. So a thousand objects reconciled together at a start
/// are re-checked one after the other across the next interval instead of all within the same ±10% (no thundering herd),
/// and from then on each exactly once per interval, at the same slot after a restart or on another replica.
/// </summary>
internal static class IntervalSpread
{
    /// <summary>
    /// The wait from <paramref name="now"/> until the next slot of <paramref name="identity"/> in <paramref name="interval"/>:
    /// in [interval/2, interval·3/2).
    /// </summary>
    public static TimeSpan Next(string identity, TimeSpan interval, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (interval <= TimeSpan.Zero)
        {
            return interval;
        }

        var period = interval.Ticks;
        var earliest = now.UtcTicks + (period / 2);
        var slot = earliest - (earliest % period) + Phase(identity, period);
        if (slot < earliest)
        {
            slot += period;
        }

        return TimeSpan.FromTicks(slot - now.UtcTicks);
    }

    /// <summary>Where in each <paramref name="period"/> (ticks) <paramref name="identity"/>'s slot lies: a stable hash of it.</summary>
    public static long Phase(string identity, long period)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(hash) % (ulong)period);
    }
}
