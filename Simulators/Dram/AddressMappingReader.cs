using System.Text.Json;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Reads DRAMSys address-mapping JSON: DRAMSys 5's <c>{"addressmapping": {...}}</c> and the older
/// DRAMSys 4 / ArchGym <c>{"CONGEN": {...}}</c>, with BYTE_BIT, COLUMN_BIT, BANKGROUP_BIT, BANK_BIT,
/// RANK_BIT, ROW_BIT, CHANNEL_BIT lists (absent lists are empty). XOR entries are not supported.
/// </summary>
public static class AddressMappingReader
{
    public static AddressMapping ReadFile(string path) => Parse(File.ReadAllText(path), path);

    public static AddressMapping Parse(string json, string source = "addressmapping")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidConfigException("addressmapping", e.Message, "valid JSON", $"{source}:{(e.LineNumber ?? 0) + 1}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.TryGetProperty("addressmapping", out var am) || root.TryGetProperty("CONGEN", out am)) root = am;
            if (root.TryGetProperty("XOR", out _))
                throw new InvalidConfigException("XOR", "present", "bit lists only", source);
            return new AddressMapping(Bits(root, "BYTE_BIT", source), Bits(root, "COLUMN_BIT", source),
                Bits(root, "BANKGROUP_BIT", source), Bits(root, "BANK_BIT", source),
                Bits(root, "RANK_BIT", source), Bits(root, "ROW_BIT", source), Bits(root, "CHANNEL_BIT", source));
        }
    }

    private static int[] Bits(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new InvalidConfigException(name, list.ToString(), "a list of bit positions", source);
        var bits = new int[list.GetArrayLength()];
        int i = 0;
        foreach (var e in list.EnumerateArray())
            bits[i++] = e.TryGetInt32(out var b) ? b : throw new InvalidConfigException(name, e.ToString(), "integer bit positions", source);
        return bits;
    }
}
