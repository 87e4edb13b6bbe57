using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Systolic.ScaleSimFiles;

/// <summary>
/// The subset of Python's configparser that SCALE-Sim's .cfg files use: [section] headers,
/// <c>key: value</c> or <c>key = value</c> (the first ':' or '=' splits), keys case-insensitive,
/// whole-line comments starting with '#' or ';', blank lines ignored, duplicate keys rejected.
/// One leniency: a '#' or ';' after whitespace starts an inline comment.
/// </summary>
internal sealed class IniDocument
{
    private readonly Dictionary<string, Dictionary<string, (string Value, int Line)>> sections = new(StringComparer.Ordinal);

    private IniDocument(string sourceName) => SourceName = sourceName;

    public string SourceName { get; }

    public static IniDocument Parse(string text, string sourceName)
    {
        var doc = new IniDocument(sourceName);
        Dictionary<string, (string, int)>? current = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string raw = lines[i];
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                if (!line.EndsWith(']') || line.Length < 3)
                    throw new InvalidConfigException("section header", line, "[name]", doc.Where(lineNo));
                string name = line[1..^1].Trim();
                if (!doc.sections.TryGetValue(name, out current))
                    doc.sections[name] = current = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            int split = line.IndexOfAny([':', '=']);
            if (split <= 0)
                throw new InvalidConfigException("line", line, "'key: value' or 'key = value' inside a [section]", doc.Where(lineNo));
            if (current is null)
                throw new InvalidConfigException("line", line, "a [section] header before any key", doc.Where(lineNo));
            string key = line[..split].Trim();
            string value = StripInlineComment(line[(split + 1)..]).Trim();
            if (!current.TryAdd(key, (value, lineNo)))
                throw new InvalidConfigException(key, value, "each key once per section", doc.Where(lineNo));
        }

        return doc;
    }

    public string Where(int line) => $"{SourceName}:{line}";

    public bool TryGet(string section, string key, out string value, out int line)
    {
        if (sections.TryGetValue(section, out var keys) && keys.TryGetValue(key, out var entry))
        {
            (value, line) = entry;
            return true;
        }

        value = "";
        line = 0;
        return false;
    }

    public (string Value, int Line) Require(string section, string key, string allowed)
    {
        if (TryGet(section, key, out var value, out var line)) return (value, line);
        throw new InvalidConfigException($"[{section}] {key}", null, allowed, SourceName);
    }

    private static string StripInlineComment(string value)
    {
        for (int i = 1; i < value.Length; i++)
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1])) return value[..i];
        return value;
    }
}
