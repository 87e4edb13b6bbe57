using System.Globalization;

namespace ArchGym.Proxies.Models;

/// <summary>
/// Reads a learner's hyperparameters from text (CLI <c>--hp k=v</c>, YAML, a model file), failing
/// with one line naming the model, the key and what is allowed; <see cref="RejectUnknown"/> catches typos.
/// </summary>
public sealed class HyperReader(string kind, IReadOnlyDictionary<string, string>? values)
{
    private readonly IReadOnlyDictionary<string, string> _values = values ?? new Dictionary<string, string>();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public int Int(string key, int defaultValue, int min, int max)
    {
        if (!TryGet(key, out var text)) return defaultValue;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        throw Bad(key, text, $"a whole number from {min} to {max}");
    }

    public double Double(string key, double defaultValue, double min, double max)
    {
        if (!TryGet(key, out var text)) return defaultValue;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        throw Bad(key, text, string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}"));
    }

    public bool Bool(string key, bool defaultValue)
    {
        if (!TryGet(key, out var text)) return defaultValue;
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw Bad(key, text, "true or false"),
        };
    }

    public string Choice(string key, string defaultValue, IReadOnlyList<string> allowed)
    {
        if (!TryGet(key, out var text)) return defaultValue;
        return allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) ?? throw Bad(key, text, "one of " + string.Join(", ", allowed));
    }

    /// <summary>Marks a key the caller parses itself as known.</summary>
    public void Known(string key) => _known.Add(key);

    /// <summary>Throws on a key no read asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var key in _values.Keys)
        {
            if (!_known.Contains(key))
                throw new ArgumentException($"model {kind}: unknown hyperparameter '{key}'; allowed: {string.Join(", ", _known)}");
        }
    }

    private bool TryGet(string key, out string text)
    {
        _known.Add(key);
        if (_values.TryGetValue(key, out var v) && v.Trim().Length > 0)
        {
            text = v.Trim();
            return true;
        }

        text = "";
        return false;
    }

    private ArgumentException Bad(string key, string text, string allowed) =>
        new($"model {kind}: hyperparameter {key}='{text}' is not allowed; expected {allowed}");
}
