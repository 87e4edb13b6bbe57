namespace ArchGym.Simulators.Systolic.Area;

/// <summary>
/// Area constants (µm² and mm²), 45 nm. Override any of them with <c>with</c>.
/// </summary>
public sealed record AreaCosts
{
    /// <summary>8-bit multiplier 282 µm² (Horowitz, ISSCC 2014); scales with bits².</summary>
    public double Multiplier8BitUm2 { get; init; } = 282;

    /// <summary>8-bit adder 36 µm² (Horowitz, ISSCC 2014); scales with bits.</summary>
    public double Adder8BitUm2 { get; init; } = 36;

    /// <summary>Assumption: a PE's operand, weight and partial-sum registers, ~3 words of flip-flops at ~5 µm² per bit.</summary>
    public double RegisterUm2PerBit { get; init; } = 5;

    /// <summary>
    /// SRAM per kB: Intel 45 nm 6T cell 0.346 µm² (Mistry et al., IEDM 2007) * 8192 bits / ~60 % array
    /// efficiency (CACTI-typical periphery) ≈ 0.0047 mm².
    /// </summary>
    public double SramMm2PerKb { get; init; } = 0.346 * 8192 / 0.6 / 1e6;

    public static AreaCosts Default45nm { get; } = new();
}

/// <summary>Area = PEs * A_pe + (ifmap + filter + ofmap kB) * A_sram_per_kB.</summary>
public static class AreaModel
{
    public static double PeUm2(AreaCosts costs, int wordBytes)
    {
        double scale = wordBytes;   // bits / 8
        return costs.Multiplier8BitUm2 * scale * scale + costs.Adder8BitUm2 * scale + 3 * 8 * wordBytes * costs.RegisterUm2PerBit;
    }

    public static double ArrayMm2(SystolicConfig config, AreaCosts? costs = null) =>
        config.Pes * PeUm2(costs ?? AreaCosts.Default45nm, config.WordBytes) / 1e6;

    public static double SramMm2(SystolicConfig config, AreaCosts? costs = null) =>
        (double)(config.IfmapSramKb + config.FilterSramKb + config.OfmapSramKb) * (costs ?? AreaCosts.Default45nm).SramMm2PerKb;

    public static double TotalMm2(SystolicConfig config, AreaCosts? costs = null) => ArrayMm2(config, costs) + SramMm2(config, costs);
}
