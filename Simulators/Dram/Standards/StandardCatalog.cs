using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram.Standards;

/// <summary>
/// The DRAM standards shipped as embedded JSON resources (<c>Standards/*.json</c>), looked up by name
/// or alias, case-insensitively. Loaded once; the catalog is immutable.
/// </summary>
public static class StandardCatalog
{
    /// <summary>ArchGym's DRAMGym default device.</summary>
    public const string DefaultName = "DDR3_1600_1Gb_x8";

    private static readonly Lazy<(IReadOnlyList<DramStandard> All, FrozenDictionary<string, DramStandard> ByName)> Loaded =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every shipped standard, ordered by name.</summary>
    public static IReadOnlyList<DramStandard> All => Loaded.Value.All;

    /// <summary>The canonical names (what the CLI lists), ordered.</summary>
    public static IEnumerable<string> Names => All.Select(s => s.Name);

    /// <summary>Whether <paramref name="name"/> is a known name or alias.</summary>
    public static bool Contains(string name) => Loaded.Value.ByName.ContainsKey(name);

    /// <summary>The standard with this name or alias.</summary>
    /// <exception cref="InvalidConfigException">no such standard.</exception>
    public static DramStandard Get(string name)
    {
        if (Loaded.Value.ByName.TryGetValue(name, out var standard))
            return standard;
        throw new InvalidConfigException("Standard", name, string.Join(", ", Names));
    }

    /// <summary>Parses one standard from its JSON text (the format of the embedded files).</summary>
    public static DramStandard Parse(string json, string sourceName = "standard")
    {
        try
        {
            var file = JsonSerializer.Deserialize(json, StandardJsonContext.Default.DramStandardFile);
            return (file ?? throw new InvalidConfigException("standard", null, "a JSON object", sourceName)).ToStandard(sourceName);
        }
        catch (JsonException e)
        {
            throw new InvalidConfigException(e.Path ?? "standard", e.Message, "a DRAM standard JSON document",
                $"{sourceName}:{(e.LineNumber ?? 0) + 1}");
        }
    }

    private static (IReadOnlyList<DramStandard>, FrozenDictionary<string, DramStandard>) Load()
    {
        var list = EmbeddedCatalog.LoadAll(".Dram.Standards.", (json, source) => Parse(json, source), s => s.Name);
        var byName = new Dictionary<string, DramStandard>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in list)
        {
            byName[s.Name] = s;
            foreach (var alias in s.Aliases)
                byName.TryAdd(alias, s);
        }
        return (list, byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
