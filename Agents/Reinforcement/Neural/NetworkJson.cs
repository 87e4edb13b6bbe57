using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>
/// A network's layer shapes and weights as JSON: <c>{"format":"archgym-mlp-v1","layers":[{"inputs":4,
/// "outputs":64,"activation":"tanh"},...],"parameters":[...]}</c>, parameters in the order of
/// <see cref="Network.Parameters"/>. Doubles are written shortest-round-trip, so a load gives back
/// bit-identical weights.
/// </summary>
public static class NetworkJson
{
    public const string Format = "archgym-mlp-v1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(Network network) =>
        JsonSerializer.Serialize(new Document(Format, network.Shapes.Select(s => new Layer(s.Inputs, s.Outputs, s.Activation)).ToArray(),
            network.Parameters.ToArray()), Options);

    /// <summary>Reads a network; malformed documents throw <see cref="FormatException"/> saying what is wrong.</summary>
    public static Network Deserialize(string json)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a network JSON document: {e.Message}", e);
        }

        if (doc is null || doc.Format != Format) throw new FormatException($"expected a network JSON document of format '{Format}'");
        if (doc.Layers is not { Length: > 0 }) throw new FormatException("a network JSON document needs at least one layer");
        Network network;
        try
        {
            network = new Network(doc.Layers.Select(l => new LayerShape(l.Inputs, l.Outputs, l.Activation)).ToArray());
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"the network JSON document's layers do not fit together: {e.Message}", e);
        }

        if (doc.Parameters is null || doc.Parameters.Length != network.Parameters.Length)
            throw new FormatException($"the layers need {network.Parameters.Length} parameters, the document has {doc.Parameters?.Length ?? 0}");
        doc.Parameters.CopyTo(network.Parameters);
        return network;
    }

    public static void Save(Network network, string path) => File.WriteAllText(path, Serialize(network));

    public static Network Load(string path) => Deserialize(File.ReadAllText(path));

    private sealed record Document(string Format, Layer[] Layers, double[] Parameters);

    private sealed record Layer(int Inputs, int Outputs, Activation Activation);
}
