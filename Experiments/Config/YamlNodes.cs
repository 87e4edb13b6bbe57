using System.Globalization;
using ArchGym.Experiments.Cli;
using YamlDotNet.RepresentationModel;

namespace ArchGym.Experiments.Config;

/// <summary>
/// Typed reads of YAML nodes that fail with one clear line: file, line, field, what is allowed.
/// </summary>
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    public UserInputException Error(YamlNode node, string field, string problem) =>
        new($"{File}:{node.Start.Line}: {field}: {problem}");

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value lines)");

    public string Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } v }) return v;
        throw Error(node, field, "expected a single value");
    }

    public int Int(YamlNode node, string field, int min, int max)
    {
        var text = Scalar(node, field);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw Error(node, field, $"'{text}' is not allowed; expected a whole number from {min} to {max}");
        return v;
    }

    public double Double(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Error(node, field, $"'{text}' is not a number");
        return v;
    }

    /// <summary>A flat mapping of scalars (options, hyperparameters), in file order.</summary>
    public IReadOnlyDictionary<string, string> ScalarMap(YamlNode node, string field)
    {
        var map = Mapping(node, field);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = Scalar(k, field);
            result[key] = v is YamlSequenceNode seq
                ? string.Join(",", seq.Children.Select(c => Scalar(c, $"{field}.{key}")))
                : Scalar(v, $"{field}.{key}");
        }

        return result;
    }

    /// <summary>Fails on keys the schema does not know, naming the allowed ones.</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string section, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key, section);
            if (!allowed.Contains(name, StringComparer.Ordinal))
                throw Error(key, section.Length == 0 ? name : $"{section}.{name}", $"unknown key; allowed: {string.Join(", ", allowed)}");
        }
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
