using System.Text.Json;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Reads a DRAMSys controller config (<c>{"mcconfig": {...}}</c>, or the bare object) into a
/// <see cref="ControllerConfig"/> with DRAMSys's semantics (missing keys keep DRAMSys's defaults;
/// RequestBufferSize does not size the ReadWrite buffer). Unknown keys and values throw
/// <see cref="InvalidConfigException"/> with the file and line.
/// </summary>
public static class McConfigReader
{
    public static ControllerConfig ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InvalidConfigException("mcconfig", path, "an existing DRAMSys mcconfig JSON file");
        return Parse(File.ReadAllText(path), path);
    }

    public static ControllerConfig Parse(string json, string source = "mcconfig")
    {
        using var doc = ParseDocument(json, source);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("mcconfig", out var inner)) root = inner;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidConfigException("mcconfig", root.ValueKind, "a JSON object", source);
        var c = new ControllerConfig();
        foreach (var p in root.EnumerateObject())
        {
            var value = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => throw new InvalidConfigException(p.Name, p.Value.GetRawText(), ControllerKnobs.Allowed(p.Name), source),
            };
            c = ControllerKnobs.With(c, p.Name, value, dramSysSemantics: true, source);
        }
        return c.Validate();
    }

    private static JsonDocument ParseDocument(string json, string source)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidConfigException("mcconfig", e.Message, "valid JSON", $"{source}:{(e.LineNumber ?? 0) + 1}"); }
    }
}
