using System.Globalization;

namespace ArchGym.Environments.Core.Registry;

/// <summary>
/// The text options an environment is made with (from YAML or the CLI), with typed reads that fail
/// with one clear line (option, value, what is allowed). It records which options were read, so a
/// caller can reject options no one used (typos) with <see cref="Unused"/>.
/// </summary>
public sealed class EnvironmentOptions
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _used;

    public EnvironmentOptions(IReadOnlyDictionary<string, string>? values = null)
        : this(new Dictionary<string, string>(values ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(StringComparer.OrdinalIgnoreCase))
    {
    }

    private EnvironmentOptions(Dictionary<string, string> values, HashSet<string> used)
    {
        _values = values;
        _used = used;
    }

    public static EnvironmentOptions Empty => new();

    public IReadOnlyDictionary<string, string> Values => _values;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>A copy with one option set; it shares the record of used options with this instance.</summary>
    public EnvironmentOptions With(string name, string value)
    {
        var copy = new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return new EnvironmentOptions(copy, _used);
    }

    /// <summary>Options given but never read, in the order given.</summary>
    public IReadOnlyList<string> Unused()
    {
        lock (_used) return _values.Keys.Where(k => !_used.Contains(k)).ToArray();
    }

    public string GetString(string name, string defaultValue) => TryGet(name, out var v) ? v : defaultValue;

    public int GetInt(string name, int defaultValue, int min, int max)
    {
        if (!TryGet(name, out var text)) return defaultValue;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        throw Bad(name, text, $"a whole number from {min} to {max}");
    }

    public double GetDouble(string name, double defaultValue, double min, double max)
    {
        if (!TryGet(name, out var text)) return defaultValue;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        throw Bad(name, text, string.Create(CultureInfo.InvariantCulture, $"a number from {min:R} to {max:R}"));
    }

    public bool GetBool(string name, bool defaultValue)
    {
        if (!TryGet(name, out var text)) return defaultValue;
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw Bad(name, text, "true or false"),
        };
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned in its listed spelling.</summary>
    public string GetChoice(string name, string defaultValue, IReadOnlyList<string> allowed)
    {
        if (!TryGet(name, out var text)) return defaultValue;
        foreach (var a in allowed)
        {
            if (string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase)) return a;
        }

        throw Bad(name, text, "one of " + string.Join(", ", allowed));
    }

    private bool TryGet(string name, out string value)
    {
        lock (_used) _used.Add(name);
        if (_values.TryGetValue(name, out var v) && v.Trim().Length > 0)
        {
            value = v.Trim();
            return true;
        }

        value = "";
        return false;
    }

    private static ArgumentException Bad(string name, string text, string allowed) =>
        new($"option '{name}': '{text}' is not allowed; expected {allowed}");
}
