using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Pim;

/// <summary>How VMM operands are laid out over channels, banks and rows (a design knob).</summary>
public enum MappingPolicy
{
    /// <summary>
    /// PIM-GPT (Wu et al.): heads concatenated so one buffer load serves every head and segments fill DRAM rows;
    /// K cache row-major, V cache column-major in reserved rows (both attention products run in the banks);
    /// matrices tiled across channels and banks, input split until every unit is busy, partial sums added by the ASIC.
    /// </summary>
    PimGpt,

    /// <summary>
    /// Naive row-major baseline (what PIMSimulator's executeGemv does): each output row stays whole in one unit,
    /// units filled one output-register block at a time, every matrix row starts a new DRAM row, heads handled one
    /// at a time, and the V cache stored row-major so S·V runs on the ASIC after streaming V out.
    /// </summary>
    RowMajor,
}

/// <summary>Text names of <see cref="MappingPolicy"/> for configs and the CLI.</summary>
public static class MappingPolicyNames
{
    public const string Allowed = "pim-gpt | row-major";

    public static string ToName(this MappingPolicy policy) => policy switch
    {
        MappingPolicy.PimGpt => "pim-gpt",
        MappingPolicy.RowMajor => "row-major",
        _ => throw new InvalidConfigException("Mapping", policy, Allowed),
    };

    /// <summary>Parses <c>pim-gpt</c> / <c>row-major</c> (also the enum names), case-insensitive.</summary>
    public static MappingPolicy Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "pim-gpt" or "pimgpt" => MappingPolicy.PimGpt,
        "row-major" or "rowmajor" or "naive" => MappingPolicy.RowMajor,
        _ => throw new InvalidConfigException("Mapping", text, Allowed),
    };
}
