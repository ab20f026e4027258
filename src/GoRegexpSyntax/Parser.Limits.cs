namespace GoRegexpSyntax;

/// <summary>
/// parse.go's node bookkeeping and limits (Go 1.19.2+ / 1.20+): <c>newRegexp</c> and <c>reuse</c> (a free list, so
/// <c>numRegexp</c> counts the nodes Go really allocates), <c>checkLimits</c> on every node pushed, repeated or
/// refactored — the runes of the classes pushed (32M), the compiled size (<c>calcSize</c>, 3,355,443 instructions,
/// measured only once <c>numRegexp</c> times the product of the counted repeats could reach it) and the height (1000,
/// measured once 1000 nodes are made) — and <c>repeatIsValid</c>. The size and height caches are keyed by node and
/// kept as Go keeps them: a node changed after it was measured (a literal that grew, a reused node) keeps its old
/// size until measured again with force.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxHeight = 1000;

    // parse.go's maxSize (instructions of 40 bytes in 128 MB) and maxRunes (runes of 4 bytes in 128 MB).
    private const long MaxSize = (128L << 20) / 40;
    private const long MaxRunes = (128L << 20) / 4;

    private readonly Stack<Regexp> free = new();
    private long numRegexp;
    private long runes;
    private long repeats;
    private Dictionary<Regexp, int>? height;
    private Dictionary<Regexp, long>? size;

    // newRegexp: a node from the free list (cleared), or a new one.
    private Regexp NewRegexp(Op op)
    {
        Regexp re;
        if (free.Count > 0)
        {
            re = free.Pop();
            re.Reset();
        }
        else
        {
            re = new Regexp();
            numRegexp++;
        }

        re.Op = op;
        return re;
    }

    // reuse: the node goes on the free list; its height is forgotten, its size is not (as in Go).
    private void Reuse(Regexp re)
    {
        height?.Remove(re);
        free.Push(re);
    }

    private void CheckLimits(Regexp re)
    {
        if (runes > MaxRunes)
        {
            throw Fail(ErrorCodes.Large, whole);
        }

        CheckSize(re);
        CheckHeight(re);
    }

    private void CheckSize(Regexp re)
    {
        if (size is null)
        {
            // Not measuring yet: keep the product of the counted repeats seen, and start once the nodes made times
            // that product could be over budget.
            if (repeats == 0)
            {
                repeats = 1;
            }

            if (re.Op == Op.Repeat)
            {
                long n = re.Max == -1 ? re.Min : re.Max;
                if (n <= 0)
                {
                    n = 1;
                }

                repeats = n > MaxSize / repeats ? MaxSize : repeats * n;
            }

            if (numRegexp < MaxSize / repeats)
            {
                return;
            }

            // Start measuring, and measure everything made so far.
            size = new Dictionary<Regexp, long>(ReferenceEqualityComparer.Instance);
            foreach (var item in stack.ToList())
            {
                CheckSize(item);
            }
        }

        if (CalcSize(re, force: true) > MaxSize)
        {
            throw Fail(ErrorCodes.Large, whole);
        }
    }

    // calcSize: the instructions Go's compiler needs for re, from the cached sizes of its operands.
    private long CalcSize(Regexp re, bool force)
    {
        if (!force && size!.TryGetValue(re, out var cached))
        {
            return cached;
        }

        long result = 0;
        switch (re.Op)
        {
            case Op.Literal:
                result = re.Rune.Count;
                break;
            case Op.Capture or Op.Star:
                // A star can be 1+ or 2+: assume 2.
                result = 2 + CalcSize(re.Sub[0], false);
                break;
            case Op.Plus or Op.Quest:
                result = 1 + CalcSize(re.Sub[0], false);
                break;
            case Op.Concat:
                foreach (var sub in re.Sub)
                {
                    result += CalcSize(sub, false);
                }

                break;
            case Op.Alternate:
                foreach (var sub in re.Sub)
                {
                    result += CalcSize(sub, false);
                }

                if (re.Sub.Count > 1)
                {
                    result += re.Sub.Count - 1;
                }

                break;
            case Op.Repeat:
                {
                    var sub = CalcSize(re.Sub[0], false);
                    if (re.Max == -1)
                    {
                        // x* or xxx+.
                        result = re.Min == 0 ? 2 + sub : 1 + (re.Min * sub);
                        break;
                    }

                    // x{2,5} is xx(x(x(x)?)?)?.
                    result = (re.Max * sub) + (re.Max - re.Min);
                    break;
                }
        }

        result = Math.Max(1, result);
        size![re] = result;
        return result;
    }

    private void CheckHeight(Regexp re)
    {
        if (numRegexp < MaxHeight)
        {
            return;
        }

        if (height is null)
        {
            height = new Dictionary<Regexp, int>(ReferenceEqualityComparer.Instance);
            foreach (var item in stack.ToList())
            {
                CheckHeight(item);
            }
        }

        if (CalcHeight(re, force: true) > MaxHeight)
        {
            throw Fail(ErrorCodes.NestingDepth, whole);
        }
    }

    private int CalcHeight(Regexp re, bool force)
    {
        if (!force && height!.TryGetValue(re, out var cached))
        {
            return cached;
        }

        var h = 1;
        foreach (var sub in re.Sub)
        {
            h = Math.Max(h, 1 + CalcHeight(sub, false));
        }

        height![re] = h;
        return h;
    }

    // repeatIsValid: the counted repetitions nested in re multiply to at most n copies of the innermost operand.
    private static bool RepeatIsValid(Regexp re, int n)
    {
        if (re.Op == Op.Repeat)
        {
            var m = re.Max;
            if (m == 0)
            {
                return true;
            }

            if (m < 0)
            {
                m = re.Min;
            }

            if (m > n)
            {
                return false;
            }

            if (m > 0)
            {
                n /= m;
            }
        }

        return re.Sub.All(sub => RepeatIsValid(sub, n));
    }
}
