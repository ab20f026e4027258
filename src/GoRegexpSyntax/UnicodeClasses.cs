using System.Globalization;

namespace GoRegexpSyntax;

/// <summary>
/// The names <c>\p{...}</c> accepts in Go 1.19 (the Go of the recorded answers): <c>Any</c>, the general
/// categories of <c>unicode.Categories</c> and the scripts of <c>unicode.Scripts</c> (Unicode 13.0). Names match
/// exactly (Go 1.25 adds case-insensitive names and aliases such as <c>Letter</c>). Categories come from .NET's own
/// Unicode data, scripts (which .NET lacks) from <see cref="ScriptTables"/>.
/// </summary>
internal static class UnicodeClasses
{
    private static readonly Dictionary<string, UnicodeCategory[]> Categories = new(StringComparer.Ordinal)
    {
        ["C"] = [UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.PrivateUse, UnicodeCategory.Surrogate],
        ["Cc"] = [UnicodeCategory.Control],
        ["Cf"] = [UnicodeCategory.Format],
        ["Co"] = [UnicodeCategory.PrivateUse],
        ["Cs"] = [UnicodeCategory.Surrogate],
        ["L"] = [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter],
        ["Ll"] = [UnicodeCategory.LowercaseLetter],
        ["Lm"] = [UnicodeCategory.ModifierLetter],
        ["Lo"] = [UnicodeCategory.OtherLetter],
        ["Lt"] = [UnicodeCategory.TitlecaseLetter],
        ["Lu"] = [UnicodeCategory.UppercaseLetter],
        ["M"] = [UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark],
        ["Mc"] = [UnicodeCategory.SpacingCombiningMark],
        ["Me"] = [UnicodeCategory.EnclosingMark],
        ["Mn"] = [UnicodeCategory.NonSpacingMark],
        ["N"] = [UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber],
        ["Nd"] = [UnicodeCategory.DecimalDigitNumber],
        ["Nl"] = [UnicodeCategory.LetterNumber],
        ["No"] = [UnicodeCategory.OtherNumber],
        ["P"] = [UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation],
        ["Pc"] = [UnicodeCategory.ConnectorPunctuation],
        ["Pd"] = [UnicodeCategory.DashPunctuation],
        ["Pe"] = [UnicodeCategory.ClosePunctuation],
        ["Pf"] = [UnicodeCategory.FinalQuotePunctuation],
        ["Pi"] = [UnicodeCategory.InitialQuotePunctuation],
        ["Po"] = [UnicodeCategory.OtherPunctuation],
        ["Ps"] = [UnicodeCategory.OpenPunctuation],
        ["S"] = [UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol],
        ["Sc"] = [UnicodeCategory.CurrencySymbol],
        ["Sk"] = [UnicodeCategory.ModifierSymbol],
        ["Sm"] = [UnicodeCategory.MathSymbol],
        ["So"] = [UnicodeCategory.OtherSymbol],
        ["Z"] = [UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator],
        ["Zl"] = [UnicodeCategory.LineSeparator],
        ["Zp"] = [UnicodeCategory.ParagraphSeparator],
        ["Zs"] = [UnicodeCategory.SpaceSeparator],
    };

    // Go 1.19's unicode.Scripts keys (Unicode 13.0.0).
    private static readonly HashSet<string> Scripts = new(StringComparer.Ordinal)
    {
        "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese", "Bamum", "Bassa_Vah",
        "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille", "Buginese", "Buhid", "Canadian_Aboriginal",
        "Carian", "Caucasian_Albanian", "Chakma", "Cham", "Cherokee", "Chorasmian", "Common", "Coptic", "Cuneiform",
        "Cypriot", "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan", "Egyptian_Hieroglyphs",
        "Elbasan", "Elymaic", "Ethiopic", "Georgian", "Glagolitic", "Gothic", "Grantha", "Greek", "Gujarati",
        "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew", "Hiragana",
        "Imperial_Aramaic", "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese", "Kaithi",
        "Kannada", "Katakana", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer", "Khojki", "Khudawadi", "Lao",
        "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian", "Lydian", "Mahajani", "Makasar",
        "Malayalam", "Mandaic", "Manichaean", "Marchen", "Masaram_Gondi", "Medefaidrin", "Meetei_Mayek",
        "Mende_Kikakui", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian", "Mro", "Multani",
        "Myanmar", "Nabataean", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu", "Nyiakeng_Puachue_Hmong", "Ogham",
        "Ol_Chiki", "Old_Hungarian", "Old_Italic", "Old_North_Arabian", "Old_Permic", "Old_Persian", "Old_Sogdian",
        "Old_South_Arabian", "Old_Turkic", "Oriya", "Osage", "Osmanya", "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau",
        "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang", "Runic", "Samaritan", "Saurashtra", "Sharada", "Shavian",
        "Siddham", "SignWriting", "Sinhala", "Sogdian", "Sora_Sompeng", "Soyombo", "Sundanese", "Syloti_Nagri",
        "Syriac", "Tagalog", "Tagbanwa", "Tai_Le", "Tai_Tham", "Tai_Viet", "Takri", "Tamil", "Tangut", "Telugu",
        "Thaana", "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Ugaritic", "Vai", "Wancho", "Warang_Citi", "Yezidi", "Yi",
        "Zanabazar_Square",
    };

    private static readonly Lazy<Dictionary<UnicodeCategory, RuneSet>> ByCategory = new(ComputeCategories);

    /// <summary>The code points of <c>Any</c>, a general category or a script; null for an unknown name.</summary>
    public static RuneSet? Runes(string name)
    {
        if (name == "Any")
        {
            return RuneSet.Any;
        }

        return Categories.TryGetValue(name, out var categories)
            ? categories.Select(c => ByCategory.Value.GetValueOrDefault(c, RuneSet.Empty)).Aggregate(RuneSet.Empty, (a, b) => a.Union(b))
            : Scripts.Contains(name) ? ScriptTables.Runes(name) : null;
    }

    private static Dictionary<UnicodeCategory, RuneSet> ComputeCategories()
    {
        var ranges = new Dictionary<UnicodeCategory, List<(int Lo, int Hi)>>();
        var start = 0;
        var current = CharUnicodeInfo.GetUnicodeCategory(0);
        for (var c = 1; c <= RuneSet.MaxRune + 1; c++)
        {
            var category = c <= RuneSet.MaxRune ? CharUnicodeInfo.GetUnicodeCategory(c) : (UnicodeCategory)(-1);
            if (category != current)
            {
                if (!ranges.TryGetValue(current, out var list))
                {
                    ranges[current] = list = [];
                }

                list.Add((start, c - 1));
                start = c;
                current = category;
            }
        }

        return ranges.ToDictionary(p => p.Key, p => RuneSet.Of(p.Value));
    }
}
