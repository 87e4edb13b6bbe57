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
}
