using System.Text.Json;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Reads a DRAMSys controller config (<c>{"mcconfig": {...}}</c>, or the bare object) into a
/// <see cref="ControllerConfig"/>. Knobs this simulator does not model (CmdMux Oldest, PowerDownPolicy
/// NoPowerDown, RefreshManagement false) are accepted only at those values.
/// </summary>
public static class McConfigReader
{
    public static ControllerConfig ReadFile(string path) => Parse(File.ReadAllText(path), path);

    public static ControllerConfig Parse(string json, string source = "mcconfig")
    {
        using var doc = ParseDocument(json, source);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("mcconfig", out var inner)) root = inner;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidConfigException("mcconfig", root.ValueKind, "a JSON object", source);
        var c = new ControllerConfig();
        foreach (var p in root.EnumerateObject())
        {
            c = p.Name switch
            {
                "PagePolicy" => c with { PagePolicy = EnumValue<PagePolicyKind>(p, source) },
                "Scheduler" => c with { Scheduler = EnumValue<SchedulerKind>(p, source) },
                "SchedulerBuffer" => c with { SchedulerBuffer = EnumValue<SchedulerBufferKind>(p, source) },
                "RequestBufferSize" => c with { RequestBufferSize = IntValue(p, source) },
                "RequestBufferSizeRead" => c with { RequestBufferSizeRead = IntValue(p, source) },
                "RequestBufferSizeWrite" => c with { RequestBufferSizeWrite = IntValue(p, source) },
                "RespQueue" => c with { RespQueue = EnumValue<RespQueueKind>(p, source) },
                "RefreshPolicy" => c with { RefreshPolicy = EnumValue<RefreshPolicyKind>(p, source) },
                "RefreshMaxPostponed" => c with { RefreshMaxPostponed = IntValue(p, source) },
                "RefreshMaxPulledin" => c with { RefreshMaxPulledin = IntValue(p, source) },
                "Arbiter" => c with { Arbiter = EnumValue<ArbiterKind>(p, source) },
                "MaxActiveTransactions" => c with { MaxActiveTransactions = IntValue(p, source) },
                "ThinkDelayFw" => c with { ThinkDelayFwCycles = IntValue(p, source) },
                "CmdMux" => Only(c, p, "Oldest", source),
                "PowerDownPolicy" => Only(c, p, "NoPowerDown", source),
                "RefreshManagement" => p.Value.ValueKind == JsonValueKind.False ? c
                    : throw new InvalidConfigException(p.Name, p.Value.ToString(), "false", source),
                _ => c, // other DRAMSys knobs (delays, watermarks) keep their defaults
            };
        }
        return c.Validate();
    }

    private static JsonDocument ParseDocument(string json, string source)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidConfigException("mcconfig", e.Message, "valid JSON", $"{source}:{(e.LineNumber ?? 0) + 1}"); }
    }

    private static T EnumValue<T>(JsonProperty p, string source) where T : struct, Enum
    {
        var text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
        if (text is not null && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
            return value;
        throw new InvalidConfigException(p.Name, p.Value.ToString(), string.Join(", ", Enum.GetNames<T>()), source);
    }

    private static int IntValue(JsonProperty p, string source) =>
        p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var v) ? v
            : throw new InvalidConfigException(p.Name, p.Value.ToString(), "an integer", source);

    private static ControllerConfig Only(ControllerConfig c, JsonProperty p, string allowed, string source) =>
        p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == allowed ? c
            : throw new InvalidConfigException(p.Name, p.Value.ToString(), allowed, source);
}
