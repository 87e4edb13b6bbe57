using System.Text.Json;
using System.Text.Json.Serialization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Pim.Baselines;

/// <summary>GPUs shipped as embedded JSON (<c>Pim/Baselines/Gpus/*.json</c>), by name or alias, case-insensitive.</summary>
public static class GpuCatalog
{
    /// <summary>PIM-GPT's GPU baseline.</summary>
    public const string T4 = "T4";

    private static readonly Lazy<IReadOnlyList<GpuSpec>> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<GpuSpec> All => Loaded.Value;

    /// <exception cref="InvalidConfigException">field <c>Gpu</c> for an unknown name.</exception>
    public static GpuSpec Get(string? name) => EmbeddedCatalog.Find(Loaded.Value, name, g => g.Name, g => g.Aliases, "Gpu");

    /// <summary>Parses and validates one GPU file.</summary>
    public static GpuSpec Parse(string json, string sourceName = "gpu")
    {
        GpuSpec? gpu;
        try { gpu = JsonSerializer.Deserialize(json, GpuJsonContext.Default.GpuSpec); }
        catch (JsonException e) { throw new InvalidConfigException(e.Path ?? "gpu", e.Message, "a GPU JSON document", sourceName); }
        if (gpu is null || string.IsNullOrEmpty(gpu.Name) || gpu.KernelsPerOp is null)
            throw new InvalidConfigException("gpu", null, "an object with name and kernelsPerOp", sourceName);
        if (!(gpu.MemoryBandwidthGBps > 0) || !(gpu.PeakTflops > 0) || gpu.BytesPerParameter <= 0 || gpu.HostOverheadPerKernelUs < 0
            || !(gpu.AchievedBandwidthFraction is > 0 and <= 1) || !(gpu.AchievedComputeFraction is > 0 and <= 1))
            throw new InvalidConfigException("gpu", gpu.Name, "positive bandwidth, FLOPs and sizes; efficiencies in (0, 1]", sourceName);
        return gpu with { Aliases = gpu.Aliases ?? [] };
    }

    private static IReadOnlyList<GpuSpec> Load() => EmbeddedCatalog.LoadAll(".Pim.Baselines.Gpus.", (json, source) => Parse(json, source), g => g.Name);
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GpuSpec))]
internal sealed partial class GpuJsonContext : JsonSerializerContext;
