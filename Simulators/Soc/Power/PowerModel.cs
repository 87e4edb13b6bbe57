using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc.Power;

/// <summary>
/// Everything DS3's energy accounting needs besides the SoC file: leakage coefficients, the thermal model that
/// drives leakage temperature (null = hold at ambient), and the board's always-on memory and GPU power
/// (DTPM_power_models P_mem, P_GPU) that DTPM.evaluate_idle_PEs charges every sample.
/// </summary>
public sealed record PowerModel
{
    public LeakageModel Leakage { get; init; } = LeakageModel.OdroidXu3;
    public ThermalModel? Thermal { get; init; } = ThermalModel.OdroidXu3;
    public double MemoryWatts { get; init; } = 0.0473;
    public double GpuWatts { get; init; } = 0.1201;

    /// <summary>DS3 defaults (Odroid-XU3 board).</summary>
    public static PowerModel Ds3 { get; } = new();

    public double BaseWatts => MemoryWatts + GpuWatts;

    /// <summary>Throws <see cref="InvalidConfigException"/> for impossible coefficients or a thermal model of mismatched sizes.</summary>
    public void Validate()
    {
        if (Leakage is null) throw new InvalidConfigException("Power.Leakage", null, "a LeakageModel (e.g. LeakageModel.OdroidXu3)");
        foreach (var (name, value) in new[] { ("MemoryWatts", MemoryWatts), ("GpuWatts", GpuWatts), ("Leakage.C1", Leakage.C1), ("Leakage.C2", Leakage.C2), ("Leakage.Igate", Leakage.Igate) })
            if (!(value >= 0 && double.IsFinite(value))) throw new InvalidConfigException("Power." + name, value, "a finite number >= 0");
        if (!(Leakage.AmbientCelsius > -273 && double.IsFinite(Leakage.AmbientCelsius)))
            throw new InvalidConfigException("Power.Leakage.AmbientCelsius", Leakage.AmbientCelsius, "a finite temperature above absolute zero");
        if (Thermal is not { } t) return;
        var n = t.A.Length;
        if (!(t.SamplingUs > 0 && double.IsFinite(t.SamplingUs))) throw new InvalidConfigException("Power.Thermal.SamplingUs", t.SamplingUs, "a positive number of us");
        if (n == 0 || t.A.Any(row => row.Length != n) || new[] { t.BMemory, t.BGpu, t.BBig, t.BLittle }.Any(b => b.Length != n))
            throw new InvalidConfigException("Power.Thermal", $"{n} hotspots", "a square A and B columns with one entry per hotspot");
    }
}
