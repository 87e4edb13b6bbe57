using System.Text.Json;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Pim.Devices;

/// <summary>
/// The PIM devices shipped as embedded JSON (<c>Pim/Devices/*.json</c>), looked up by name or alias,
/// case-insensitively. Loaded once; immutable.
/// </summary>
public static class PimDeviceCatalog
{
    /// <summary>PIM-GPT's device: GDDR6 with one MAC unit per bank (SK hynix AiM class).</summary>
    public const string Gddr6Aim = "GDDR6_AIM";

    /// <summary>Samsung HBM-PIM (PIMSimulator's 64 pseudo-channel HBM2).</summary>
    public const string Hbm2Pim = "HBM2_PIM";

    private static readonly Lazy<IReadOnlyList<PimDevice>> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every shipped device, ordered by name.</summary>
    public static IReadOnlyList<PimDevice> All => Loaded.Value;

    /// <summary>The device with this name or alias.</summary>
    /// <exception cref="InvalidConfigException">field <c>Device</c> for an unknown name.</exception>
    public static PimDevice Get(string? name) => EmbeddedCatalog.Find(Loaded.Value, name, d => d.Name, d => d.Aliases, "Device");

    /// <summary>Parses a device from JSON text in the embedded files' format.</summary>
    public static PimDevice Parse(string json, string sourceName = "device")
    {
        try
        {
            var file = JsonSerializer.Deserialize(json, PimDeviceJsonContext.Default.PimDeviceFile);
            return (file ?? throw new InvalidConfigException("device", null, "a JSON object", sourceName)).ToDevice(sourceName);
        }
        catch (JsonException e)
        {
            throw new InvalidConfigException(e.Path ?? "device", e.Message, "a PIM device JSON document",
                $"{sourceName}:{(e.LineNumber ?? 0) + 1}");
        }
    }

    private static IReadOnlyList<PimDevice> Load() => EmbeddedCatalog.LoadAll(".Pim.Devices.", (json, source) => Parse(json, source), d => d.Name);
}
