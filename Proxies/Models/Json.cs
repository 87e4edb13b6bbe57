using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchGym.Proxies.Models;

/// <summary>Typed reads of a model's JSON that fail with <see cref="FormatException"/> naming the field.</summary>
public static class Json
{
    public static double Double(JsonObject o, string key) => Get(o, key, n => n.GetValue<double>());

    public static int Int(JsonObject o, string key) => Get(o, key, n => n.GetValue<int>());

    public static string String(JsonObject o, string key) => Get(o, key, n => n.GetValue<string>());

    public static double[] Doubles(JsonObject o, string key) => Get(o, key, n => n.AsArray().Select(e => e!.GetValue<double>()).ToArray());

    public static int[] Ints(JsonObject o, string key) => Get(o, key, n => n.AsArray().Select(e => e!.GetValue<int>()).ToArray());

    public static string[] Strings(JsonObject o, string key) => Get(o, key, n => n.AsArray().Select(e => e!.GetValue<string>()).ToArray());

    public static IReadOnlyDictionary<string, string> StringMap(JsonObject o, string key) =>
        Get(o, key, n => (IReadOnlyDictionary<string, string>)n.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal));

    public static JsonObject Object(JsonObject o, string key) => Get(o, key, n => n.AsObject());

    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static T Get<T>(JsonObject o, string key, Func<JsonNode, T> read)
    {
        if (o[key] is not { } node) throw new FormatException($"missing field '{key}'");
        try
        {
            return read(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or NullReferenceException)
        {
            throw new FormatException($"field '{key}': {e.Message}", e);
        }
    }
}
