using System.Globalization;
using ArchGym.Experiments.Cli;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArchGym.Experiments.Config;

/// <summary>
/// Typed reads of YAML nodes that fail with one clear line: file, line, field, what is allowed.
/// </summary>
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    /// <summary>The first document's root node, or null for an empty file; malformed YAML is a user error naming the line.</summary>
    public static YamlNode? LoadDocument(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new UserInputException($"{file}:{e.Start.Line}: malformed YAML: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser runs off the end of the text on an unclosed flow collection.
            var lines = yaml.Split('\n').Length;
            throw new UserInputException($"{file}:{lines}: malformed YAML: the document ends inside an unclosed {{ or [");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>A required child, or an error naming the mapping's line and the missing field.</summary>
    public YamlNode Required(YamlMappingNode map, string key, string field) =>
        Child(map, key) ?? throw Error(map, field, "missing; this field is required");

    /// <summary>One scalar or a sequence of scalars, each with its line (a single value is a list of one).</summary>
    public IReadOnlyList<Located<string>> ScalarList(YamlNode node, string field)
    {
        if (node is YamlSequenceNode seq)
        {
            if (seq.Children.Count == 0) throw Error(node, field, "the list is empty; give at least one value");
            return seq.Children.Select((c, i) => new Located<string>(Scalar(c, $"{field}[{i}]"), c.Start.Line)).ToArray();
        }

        return [new Located<string>(Scalar(node, field), node.Start.Line)];
    }

    public bool Bool(YamlNode node, string field) => Scalar(node, field).ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var text => throw Error(node, field, $"'{text}' is not allowed; expected true or false"),
    };

    public UserInputException Error(YamlNode node, string field, string problem) =>
        new($"{File}:{node.Start.Line}: {field}: {problem}");

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value lines)");

    public string Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } v }) return v;
        throw Error(node, field, "expected a single value");
    }

    public int Int(YamlNode node, string field, int min, int max) => Int(new Located<string>(Scalar(node, field), node.Start.Line), field, min, max);

    public int Int(Located<string> value, string field, int min, int max)
    {
        if (!int.TryParse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new UserInputException($"{File}:{value.Line}: {field}: '{value.Value}' is not allowed; expected a whole number from {min} to {max}");
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
