using ArchGym.Simulators.Soc.Platform;

namespace ArchGym.Simulators.Soc.Power;

/// <summary>
/// One cluster's constants for DS3's power computation (processing_element.run, DTPM_power_models) at the OPP its
/// DVFS mode pins (f, V). The profile is the first <c>power_profile</c> (file order) whose frequency f_t &gt;= f;
/// with k busy cores and per-core leakage L, each busy core draws (P_k(f_t) - L * len(P)) / k * f V^2 / (f_t V_t^2) + L
/// and each idle core L (DTPM.evaluate_idle_PEs). DS3 does not clamp the dynamic term, so it can go negative when
/// leakage at high temperature exceeds the profiled power.
/// </summary>
internal sealed class ClusterPowerProfile
{
    private readonly double[] _profileWatts;
    private readonly double _dynamicScale;
    private readonly double _leakageVolts;

    public ClusterPowerProfile(Cluster cluster, LeakageModel leakage)
    {
        Cores = cluster.Capacity;
        IsMemory = cluster.IsMemory;
        var op = cluster.OperatingPoint;
        var leaks = op is not null && !cluster.IsMemory && cluster.Type != leakage.ExemptType;
        _leakageVolts = leaks ? op!.Value.VoltageMilliVolts * 1e-3 / 4 * (cluster.IsLittle ? 0.25 : 1) : 0;
        _profileWatts = [];
        if (op is not { } pinned || cluster.SelectedProfile() is not { } profile) return;
        _profileWatts = profile.ClusterWattsByActiveCores.ToArray();
        var vt = cluster.OperatingPoints.First(o => o.FrequencyMHz == profile.FrequencyMHz).VoltageMilliVolts;
        _dynamicScale = pinned.FrequencyMHz * Sq(pinned.VoltageMilliVolts) / (profile.FrequencyMHz * Sq(vt));
    }

    public int Cores { get; }
    public bool IsMemory { get; }

    /// <summary>Leakage per core (W) given <see cref="LeakageModel.FactorAt"/> of the current temperature.</summary>
    public double LeakagePerCoreW(double leakageFactor) => _leakageVolts * leakageFactor;

    /// <summary>Power of the whole cluster (W) with <paramref name="busy"/> cores running: busy cores' dynamic + every core's leakage.</summary>
    public double ClusterWatts(int busy, double leakPerCoreW)
    {
        if (IsMemory) return 0;
        var leakage = Cores * leakPerCoreW;
        if (busy == 0 || _profileWatts.Length == 0) return leakage;
        var profiled = _profileWatts[Math.Min(busy, Cores) - 1];
        return (profiled - leakPerCoreW * _profileWatts.Length) * _dynamicScale + leakage;
    }

    private static double Sq(double x) => x * x;
}
