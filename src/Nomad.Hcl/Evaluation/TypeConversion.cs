namespace Nomad.Hcl.Evaluation;

/// <summary>
/// cty's type-level conversion rules (convert/conversion.go <c>getConversionKnown</c>, unify.go, compare_types.go,
/// sort_types.go), always in unsafe mode as <c>convert.Convert</c> and <c>UnifyUnsafe</c> use them: whether a
/// conversion between two types exists, and the one type a list of types unifies to.
/// </summary>
public static class TypeConversion
{
    /// <summary>cty's <c>Type.Equals</c>: structural (an object's attribute names and types, a tuple's element types).</summary>
    public static bool Same(HclType a, HclType b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map => Same(a.Element!, b.Element!),
            HclTypeKind.Tuple => a.Elements.Count == b.Elements.Count && a.Elements.Zip(b.Elements).All(p => Same(p.First, p.Second)),
            HclTypeKind.Object => a.Attributes.Count == b.Attributes.Count &&
                a.Attributes.All(p => b.Attributes.TryGetValue(p.Key, out var other) && Same(p.Value, other)),
            _ => true,
        };
    }

    /// <summary>Whether cty has an (unsafe) conversion from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanConvert(HclType from, HclType to)
    {
        if (to.Kind == HclTypeKind.Dynamic || from.Kind == HclTypeKind.Dynamic || Same(from, to))
        {
            return true;
        }

        if (from.IsPrimitive && to.IsPrimitive)
        {
            // string <-> number and string <-> bool; number <-> bool has none.
            return from.Kind == HclTypeKind.String || to.Kind == HclTypeKind.String;
        }

        switch (to.Kind)
        {
            case HclTypeKind.Object when from.Kind == HclTypeKind.Object:
                return to.Attributes.All(a => from.Attributes.TryGetValue(a.Key, out var f) && CanConvert(f, a.Value));
            case HclTypeKind.Object when from.Kind == HclTypeKind.Map:
                return to.Attributes.Values.All(t => CanConvert(from.Element!, t));
            case HclTypeKind.Tuple when from.Kind == HclTypeKind.Tuple:
                return from.Elements.Count == to.Elements.Count && from.Elements.Zip(to.Elements).All(p => CanConvert(p.First, p.Second));
            case HclTypeKind.List or HclTypeKind.Set when from.Kind is HclTypeKind.List or HclTypeKind.Set:
                return CanConvert(from.Element!, to.Element!);
            case HclTypeKind.Map when from.Kind == HclTypeKind.Map:
                return CanConvert(from.Element!, to.Element!);
            case HclTypeKind.List or HclTypeKind.Set when from.Kind == HclTypeKind.Tuple:
                return ElementTypeFor(from.Elements, to.Element!) is not null;
            case HclTypeKind.Map when from.Kind == HclTypeKind.Object:
                return ElementTypeFor([.. from.Attributes.Values], to.Element!) is not null;
            default:
                return false;
        }
    }

    /// <summary>
    /// The element type a tuple's elements (or an object's attributes) take in a collection of <paramref name="wanted"/>
    /// (unified when it is <c>any</c>), or null when there is no conversion (conversionTupleToList / ObjectToMap).
    /// </summary>
    public static HclType? ElementTypeFor(IReadOnlyList<HclType> members, HclType wanted)
    {
        if (members.Count == 0)
        {
            return wanted;
        }

        var element = wanted;
        if (wanted.Kind == HclTypeKind.Dynamic)
        {
            element = Unify(members);
            if (element is null)
            {
                return null;
            }

            if (element.Kind == HclTypeKind.Dynamic && members.Any(m => m.Kind != HclTypeKind.Dynamic))
            {
                return null;
            }
        }

        return members.All(m => CanConvert(m, element)) ? element : null;
    }

    /// <summary>cty's <c>unify</c> (unsafe): the one type all <paramref name="types"/> convert to, or null.</summary>
    public static HclType? Unify(IReadOnlyList<HclType> types)
    {
        if (types.Count == 0)
        {
            return null;
        }

        int Count(HclTypeKind kind) => types.Count(t => t.Kind == kind);
        var maps = Count(HclTypeKind.Map);
        var lists = Count(HclTypeKind.List);
        var sets = Count(HclTypeKind.Set);
        var objects = Count(HclTypeKind.Object);
        var tuples = Count(HclTypeKind.Tuple);
        var dynamics = Count(HclTypeKind.Dynamic);
        var n = types.Count;
        if (maps > 0 && maps + dynamics == n)
        {
            return UnifyCollections(HclType.Map, types, dynamics > 0);
        }

        if (maps > 0 && maps + objects + dynamics == n)
        {
            var asMap = UnifyAs(types, HclTypeKind.Object, HclTypeKind.Map);
            if (asMap is not null)
            {
                return asMap;
            }
        }
        else if (lists > 0 && lists + dynamics == n)
        {
            return UnifyCollections(HclType.List, types, dynamics > 0);
        }
        else if (lists > 0 && lists + tuples + dynamics == n)
        {
            var asList = UnifyAs(types, HclTypeKind.Tuple, HclTypeKind.List);
            if (asList is not null)
            {
                return asList;
            }
        }
        else if (sets > 0 && sets + dynamics == n)
        {
            return UnifyCollections(HclType.Set, types, dynamics > 0);
        }
        else if (objects > 0 && objects + dynamics == n)
        {
            return dynamics > 0 ? HclType.Dynamic : UnifyObjects(types);
        }
        else if (tuples > 0 && tuples + dynamics == n)
        {
            return dynamics > 0 ? HclType.Dynamic : UnifyTuples(types);
        }
        else if (objects > 0 && tuples > 0)
        {
            return null;
        }

        foreach (var want in SortTypes(types))
        {
            var wanted = types[want];
            if (types.All(t => Same(t, wanted) || CanConvert(t, wanted)))
            {
                return wanted;
            }
        }

        return null;
    }

    // unifyTuplesAsList / unifyObjectsAsMaps: the structural members unified to one collection first, then everything.
    private static HclType? UnifyAs(IReadOnlyList<HclType> types, HclTypeKind structural, HclTypeKind collection)
    {
        var members = types.Where(t => t.Kind == structural).ToList();
        var unified = collection == HclTypeKind.List ? UnifyTuplesToList(members) : UnifyObjectsToMap(members);
        if (unified is null || unified.Kind != collection)
        {
            return null;
        }

        var replaced = types.Select(t => t.Kind == structural ? unified : t).ToList();
        var result = Unify(replaced);
        return result is not null && result.Kind == collection ? result : null;
    }

    private static HclType? UnifyCollections(Func<HclType, HclType> make, IReadOnlyList<HclType> types, bool hasDynamic)
    {
        if (hasDynamic)
        {
            return HclType.Dynamic;
        }

        var element = Unify([.. types.Select(t => t.Element!)]);
        if (element is null)
        {
            return null;
        }

        var result = make(element);
        return types.All(t => Same(t, result) || CanConvert(t, result)) ? result : null;
    }

    private static HclType? UnifyObjects(IReadOnlyList<HclType> types)
    {
        var first = types[0].Attributes;
        if (types.Skip(1).Any(t => t.Attributes.Count != first.Count || t.Attributes.Keys.Any(k => !first.ContainsKey(k))))
        {
            return UnifyObjectsToMap(types);
        }

        var attributes = new SortedDictionary<string, HclType>(StringComparer.Ordinal);
        foreach (var name in first.Keys)
        {
            var unified = Unify([.. types.Select(t => t.Attributes[name])]);
            if (unified is null)
            {
                return null;
            }

            attributes[name] = unified;
        }

        var result = HclType.Object(attributes);
        return types.All(t => Same(t, result) || CanConvert(t, result)) ? result : UnifyObjectsToMap(types);
    }

    private static HclType? UnifyObjectsToMap(IReadOnlyList<HclType> types)
    {
        var element = Unify([.. types.SelectMany(t => t.Attributes.Values)]);
        if (element is null)
        {
            return null;
        }

        var result = HclType.Map(element);
        return types.All(t => Same(t, result) || CanConvert(t, result)) ? result : null;
    }

    private static HclType? UnifyTuples(IReadOnlyList<HclType> types)
    {
        var count = types[0].Elements.Count;
        if (types.Skip(1).Any(t => t.Elements.Count != count))
        {
            return UnifyTuplesToList(types);
        }

        var elements = new List<HclType>();
        for (var i = 0; i < count; i++)
        {
            var unified = Unify([.. types.Select(t => t.Elements[i])]);
            if (unified is null)
            {
                return null;
            }

            elements.Add(unified);
        }

        var result = HclType.Tuple(elements);
        return types.All(t => Same(t, result) || CanConvert(t, result)) ? result : UnifyTuplesToList(types);
    }

    private static HclType? UnifyTuplesToList(IReadOnlyList<HclType> types)
    {
        var element = Unify([.. types.SelectMany(t => t.Elements)]);
        if (element is null)
        {
            return null;
        }

        var result = HclType.List(element);
        return types.All(t => Same(t, result) || CanConvert(t, result)) ? result : null;
    }

    // sort_types.go: a topological order of compareTypes' preferences (Kahn's algorithm, lowest index first).
    private static List<int> SortTypes(IReadOnlyList<HclType> types)
    {
        var n = types.Count;
        var edges = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var cmp = Compare(types[i], types[j]);
                if (cmp < 0)
                {
                    edges[i].Add(j);
                }
                else if (cmp > 0)
                {
                    edges[j].Add(i);
                }
            }
        }

        var inDegree = new int[n];
        foreach (var outs in edges)
        {
            foreach (var j in outs)
            {
                inDegree[j]++;
            }
        }

        var queue = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (inDegree[i] == 0)
            {
                queue.Add(i);
            }
        }

        for (var head = 0; head < queue.Count; head++)
        {
            foreach (var j in edges[queue[head]])
            {
                if (--inDegree[j] == 0)
                {
                    queue.Add(j);
                }
            }
        }

        return queue;
    }

    // compare_types.go: negative when a is the more general type (preferred as the target).
    private static int Compare(HclType a, HclType b)
    {
        if (a.Kind == HclTypeKind.Dynamic || b.Kind == HclTypeKind.Dynamic)
        {
            return a.Kind != HclTypeKind.Dynamic ? -1 : b.Kind != HclTypeKind.Dynamic ? 1 : 0;
        }

        if (a.IsPrimitive && b.IsPrimitive && (a.Kind == HclTypeKind.String || b.Kind == HclTypeKind.String))
        {
            return a.Kind != HclTypeKind.String ? 1 : b.Kind != HclTypeKind.String ? -1 : 0;
        }

        if (a.Kind == b.Kind && a.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map)
        {
            return Compare(a.Element!, b.Element!);
        }

        var swap = 1;
        if ((a.Kind == HclTypeKind.Tuple && b.Kind == HclTypeKind.List) || (a.Kind == HclTypeKind.Object && b.Kind == HclTypeKind.Map) ||
            (a.Kind == HclTypeKind.Set && b.Kind is HclTypeKind.Tuple or HclTypeKind.List))
        {
            (a, b) = (b, a);
            swap = -1;
        }

        if (b.Kind == HclTypeKind.Set && a.Kind is HclTypeKind.Tuple or HclTypeKind.List)
        {
            return -swap;
        }

        if ((a.Kind == HclTypeKind.List && b.Kind == HclTypeKind.Tuple) || (a.Kind == HclTypeKind.Map && b.Kind == HclTypeKind.Object))
        {
            return -swap;
        }

        IReadOnlyList<(HclType A, HclType B)>? pairs = null;
        if (a.Kind == HclTypeKind.Object && b.Kind == HclTypeKind.Object)
        {
            if (a.Attributes.Count != b.Attributes.Count || a.Attributes.Keys.Any(k => !b.Attributes.ContainsKey(k)))
            {
                return 0;
            }

            pairs = [.. a.Attributes.Select(p => (p.Value, b.Attributes[p.Key]))];
        }
        else if (a.Kind == HclTypeKind.Tuple && b.Kind == HclTypeKind.Tuple)
        {
            if (a.Elements.Count != b.Elements.Count)
            {
                return 0;
            }

            pairs = [.. a.Elements.Zip(b.Elements)];
        }

        if (pairs is null)
        {
            return 0;
        }

        var aSuper = pairs.Any(p => Compare(p.A, p.B) < 0);
        var bSuper = pairs.Any(p => Compare(p.A, p.B) > 0);
        return aSuper && bSuper ? 0 : aSuper ? -swap : bSuper ? swap : 0;
    }
}
