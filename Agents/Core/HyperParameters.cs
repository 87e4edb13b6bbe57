using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core;

/// <summary>
/// An agent's hyperparameter values, typed by its declared hyperparameter space (declared as data,
/// so sweeps can grid or sample over them with the same machinery as design spaces).
/// </summary>
public sealed class HyperParameters
{
    private readonly DesignPoint _values;

    public HyperParameters(DesignPoint values) => _values = values;

    public ParameterSpace Space => _values.Space;

    public double GetDouble(string name) => _values[name];

    public int GetInt(string name) => _values.GetInt(name);

    public string GetText(string name) => _values.GetText(name);

    public bool GetBool(string name) => string.Equals(_values.GetText(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every value as text, by name, in declaration order (for run.json).</summary>
    public IReadOnlyDictionary<string, string> ToText() =>
        Space.Names.ToDictionary(n => n, n => _values.GetText(n));

    /// <summary>
    /// Resolves user text over <paramref name="defaults"/>; unknown names and illegal values throw
    /// <see cref="ArgumentException"/> naming the hyperparameter and what is allowed.
    /// </summary>
    public static HyperParameters Parse(string agent, ParameterSpace space, IReadOnlyDictionary<string, string> defaults,
        IReadOnlyDictionary<string, string> given)
    {
        var merged = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            var known = space.Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                var allowed = space.Count == 0 ? "(none)" : string.Join(", ", space.Names);
                throw new ArgumentException($"unknown hyperparameter '{name}' for {agent}; allowed: {allowed}");
            }

            merged[known] = value;
        }

        foreach (var p in space.Parameters)
        {
            if (!merged.TryGetValue(p.Name, out var text)) throw new ArgumentException($"hyperparameter '{p.Name}' of {agent} has no value; allowed: {p.DescribeDomain()}");
            if (!p.TryParse(text, out _)) throw new ArgumentException($"hyperparameter '{p.Name}' of {agent} cannot be '{text}'; allowed: {p.DescribeDomain()}");
        }

        return new HyperParameters(space.Parse(merged));
    }

    /// <summary>A boolean hyperparameter, declared as the categorical false/true.</summary>
    public static CategoricalParameter Bool(string name, string description) => new(name, ["false", "true"], description);
}
