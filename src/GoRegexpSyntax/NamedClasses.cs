namespace GoRegexpSyntax;

/// <summary>
/// Go's Perl classes (<c>\d \s \w</c> and their negations) and POSIX classes (<c>[:alpha:]</c>, <c>[:^alpha:]</c>),
/// all ASCII, as regexp/syntax's perl_groups.go defines them.
/// </summary>
internal static class NamedClasses
{
    private static readonly RuneSet Digit = RuneSet.Of([('0', '9')]);
    private static readonly RuneSet PerlSpace = RuneSet.Of([('\t', '\n'), ('\f', '\r'), (' ', ' ')]);
    private static readonly RuneSet Word = RuneSet.Of([('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]);

    private static readonly Dictionary<string, RuneSet> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = RuneSet.Of([('0', '9'), ('A', 'Z'), ('a', 'z')]),
        ["alpha"] = RuneSet.Of([('A', 'Z'), ('a', 'z')]),
        ["ascii"] = RuneSet.Of([(0, 0x7F)]),
        ["blank"] = RuneSet.Of([('\t', '\t'), (' ', ' ')]),
        ["cntrl"] = RuneSet.Of([(0, 0x1F), (0x7F, 0x7F)]),
        ["digit"] = Digit,
        ["graph"] = RuneSet.Of([('!', '~')]),
        ["lower"] = RuneSet.Of([('a', 'z')]),
        ["print"] = RuneSet.Of([(' ', '~')]),
        ["punct"] = RuneSet.Of([('!', '/'), (':', '@'), ('[', '`'), ('{', '~')]),
        ["space"] = RuneSet.Of([('\t', '\r'), (' ', ' ')]),
        ["upper"] = RuneSet.Of([('A', 'Z')]),
        ["word"] = Word,
        ["xdigit"] = RuneSet.Of([('0', '9'), ('A', 'F'), ('a', 'f')]),
    };

    /// <summary>
    /// The class of a Perl escape letter (<c>d s w</c>, or <c>D S W</c> and then <paramref name="negated"/>), or
    /// null for any other letter.
    /// </summary>
    public static RuneSet? Perl(char letter, out bool negated)
    {
        negated = letter is 'D' or 'S' or 'W';
        return char.ToLowerInvariant(letter) switch
        {
            'd' => Digit,
            's' => PerlSpace,
            'w' => Word,
            _ => null,
        };
    }

    /// <summary>
    /// The class of a POSIX name as written (<c>[:alpha:]</c> or <c>[:^alpha:]</c>, then <paramref name="negated"/>),
    /// or null when Go knows no such class.
    /// </summary>
    public static RuneSet? PosixClass(string bracketed, out bool negated)
    {
        var name = bracketed[2..^2];
        negated = name.StartsWith('^');
        return Posix.TryGetValue(negated ? name[1..] : name, out var set) ? set : null;
    }
}
