using ArchGym.Agents.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Expands one sweep agent into its hyperparameter settings, checked against the agent's declared
/// hyperparameters: a grid gives every combination (last axis fastest), a sample gives distinct
/// seeded draws. Each setting holds every declared hyperparameter (defaults filled in) as its
/// canonical text, in declaration order, so equal settings always read and hash the same.
/// </summary>
public static class HyperParameterSettings
{
    private const int MaxSettings = 10_000_000;

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Expand(SweepAgent agent, AgentSpec spec, string file, string field)
    {
        var space = spec.HyperParameters;
        var fixedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var axis in agent.Fixed) fixedValues[Declared(space, axis, file, $"{field}.hyperparameters").Name] = Canonical(space, axis, file, $"{field}.hyperparameters")[0];

        IEnumerable<IReadOnlyDictionary<string, string>> varied = agent.Sample is { } sample
            ? Sample(space, sample, fixedValues.Keys, file, $"{field}.sample")
            : Grid(space, agent.Grid, file, $"{field}.grid");

        var settings = new List<IReadOnlyDictionary<string, string>>();
        foreach (var v in varied)
        {
            var given = new Dictionary<string, string>(fixedValues, StringComparer.Ordinal);
            foreach (var (k, value) in v) given[k] = value;
            try
            {
                settings.Add(HyperParameters.Parse(spec.Name, space, spec.Defaults, given).ToText());
            }
            catch (ArgumentException e)
            {
                throw new UserInputException($"{file}:{agent.Line}: {field} ({spec.Name}): {e.Message}", e);
            }
        }

        return settings;
    }

    private static IEnumerable<IReadOnlyDictionary<string, string>> Grid(ParameterSpace space, IReadOnlyList<HyperParameterAxis> axes, string file, string field)
    {
        var names = axes.Select(a => Declared(space, a, file, field).Name).ToArray();
        var values = axes.Select(a => Canonical(space, a, file, field)).ToArray();
        if (values.Aggregate(1.0, (n, v) => n * v.Count) > MaxSettings)
            throw new UserInputException($"{file}:{axes[0].Line}: {field}: more than {MaxSettings} combinations");
        var index = new int[axes.Count];
        while (true)
        {
            yield return Enumerable.Range(0, names.Length).ToDictionary(i => names[i], i => values[i][index[i]]);
            var k = axes.Count - 1;
            while (k >= 0 && ++index[k] == values[k].Count) index[k--] = 0;
            if (k < 0) yield break;
        }
    }

    private static IEnumerable<IReadOnlyDictionary<string, string>> Sample(
        ParameterSpace space, HyperParameterSample sample, IEnumerable<string> fixedNames, string file, string field)
    {
        var hf = $"{field}.hyperparameters";
        var axes = sample.Axes.Count > 0
            ? sample.Axes.Select(a => (Parameter: Declared(space, a, file, hf), Values: a.Values.Count == 0 ? null : Canonical(space, a, file, hf))).ToArray()
            : space.Parameters.Where(p => !fixedNames.Contains(p.Name)).Select(p => (Parameter: p, Values: (IReadOnlyList<string>?)null)).ToArray();
        var distinct = axes.Aggregate(1.0, (n, a) => n * (a.Values?.Count ?? a.Parameter.Cardinality ?? double.PositiveInfinity));
        if (sample.Count > distinct)
            throw new UserInputException($"{file}:{sample.Line}: {field}.count: {sample.Count} is more than the {distinct} distinct settings there are; use grid: or a smaller count");

        var rng = new Random(sample.Seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long tries = 0; seen.Count < sample.Count; tries++)
        {
            if (tries > 1000L * sample.Count)
                throw new UserInputException($"{file}:{sample.Line}: {field}.count: could not draw {sample.Count} distinct settings; use grid: or a smaller count");
            var setting = axes.ToDictionary(a => a.Parameter.Name, a => a.Values is { } v ? v[rng.Next(v.Count)] : a.Parameter.Format(a.Parameter.Sample(rng)));
            if (seen.Add(string.Join("\n", setting.Select(p => $"{p.Key}={p.Value}")))) yield return setting;
        }
    }

    /// <summary>The declared hyperparameter an axis names (case-insensitive, as <see cref="HyperParameters.Parse"/>).</summary>
    private static Parameter Declared(ParameterSpace space, HyperParameterAxis axis, string file, string field)
    {
        var p = space.Parameters.FirstOrDefault(p => string.Equals(p.Name, axis.Name, StringComparison.OrdinalIgnoreCase));
        if (p is not null) return p;
        var allowed = space.Count == 0 ? "(none)" : string.Join(", ", space.Names);
        throw new UserInputException($"{file}:{axis.Line}: {field}.{axis.Name}: unknown hyperparameter; allowed: {allowed}");
    }

    /// <summary>An axis's values as the parameter formats them; illegal or repeated values are user errors on their line.</summary>
    private static IReadOnlyList<string> Canonical(ParameterSpace space, HyperParameterAxis axis, string file, string field)
    {
        var p = Declared(space, axis, file, field);
        var result = new List<string>();
        foreach (var v in axis.Values)
        {
            if (!p.TryParse(v.Value, out var parsed))
                throw new UserInputException($"{file}:{v.Line}: {field}.{axis.Name}: '{v.Value}' is not allowed; allowed: {p.DescribeDomain()}");
            var text = p.Format(parsed);
            if (result.Contains(text)) throw new UserInputException($"{file}:{v.Line}: {field}.{axis.Name}: '{v.Value}' is listed twice");
            result.Add(text);
        }

        return result;
    }
}
