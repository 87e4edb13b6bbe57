using ArchGym.Simulators.Soc.Platform;

namespace ArchGym.Simulators.Soc.Engine;

/// <summary>
/// DS3's power model (DTPM_power_models / processing_element.run), integrated exactly between events instead of
/// DS3's 10 us samples. With k busy cores in a cluster at OPP (f, V) and profile threshold f_t (first
/// power_profile frequency &gt;= f, voltage V_t): leakage per core L (see <see cref="LeakageModel"/>), dynamic per core
/// (P_k(f_t) - L * capacity) / k * (f V^2) / (f_t V_t^2); each busy core draws dynamic + L. Idle cores draw nothing.
/// </summary>
public sealed class EnergyMeter
{
    private readonly double[][] _clusterWatts; // [cluster][k busy] total cluster power
    private readonly int[] _busy;
    private readonly double[] _since;
    private readonly double _warmupUs;

    internal EnergyMeter(SocPlatform soc, LeakageModel leakage, double warmupUs)
    {
        _warmupUs = warmupUs;
        _busy = new int[soc.Clusters.Count];
        _since = new double[soc.Clusters.Count];
        _clusterWatts = soc.Clusters.Select(c => Enumerable.Range(0, c.Capacity + 1).Select(k => ClusterWatts(c, k, leakage)).ToArray()).ToArray();
    }

    /// <summary>Energy after warm-up.</summary>
    internal double EnergyJ { get; private set; }

    /// <summary>Energy of the whole run, warm-up included (what DS3 prints as total energy; see SocReport).</summary>
    internal double TotalEnergyJ { get; private set; }

    public static double LeakagePerCoreW(Cluster c, LeakageModel m)
    {
        if (c.IsAccelerator || c.OperatingPoint is not { } op) return 0;
        var v = op.VoltageMilliVolts * 1e-3;
        var t = 273 + m.TemperatureCelsius;
        var cluster = v * m.C1 * t * t * Math.Exp(-m.C2 / t) + m.Igate * v;
        if (c.IsLittle) cluster /= 4; // area scaling of the LITTLE cluster
        return cluster / 4;              // DS3: max 4 cores per cluster
    }

    public static double ClusterWatts(Cluster c, int busy, LeakageModel m)
    {
        if (busy == 0) return 0;
        var leak = LeakagePerCoreW(c, m);
        var dynamic = 0.0;
        if (c.OperatingPoint is { } op && c.PowerProfiles.FirstOrDefault(p => p.FrequencyMHz >= op.FrequencyMHz) is { } profile)
        {
            var k = Math.Min(busy, profile.ClusterWattsByActiveCores.Count);
            var perCoreAtThreshold = (profile.ClusterWattsByActiveCores[k - 1] - leak * profile.ClusterWattsByActiveCores.Count) / busy;
            var vt = c.OperatingPoints.FirstOrDefault(o => o.FrequencyMHz == profile.FrequencyMHz).VoltageMilliVolts;
            var scale = vt == 0 ? 1.0 : op.FrequencyMHz * Sq(op.VoltageMilliVolts) / (profile.FrequencyMHz * Sq(vt)); // Cdyn*alpha*f*V^2
            dynamic = perCoreAtThreshold * scale;
        }
        return busy * (dynamic + leak);
    }

    private static double Sq(double x) => x * x;

    /// <summary>A core of <paramref name="cluster"/> became busy (+1) or idle (-1) at <paramref name="nowUs"/>.</summary>
    internal void Change(int cluster, int delta, double nowUs)
    {
        Accumulate(cluster, nowUs);
        _busy[cluster] += delta;
    }

    internal void Close(double endUs)
    {
        for (var c = 0; c < _busy.Length; c++) Accumulate(c, endUs);
    }

    private void Accumulate(int cluster, double nowUs)
    {
        var watts = _clusterWatts[cluster][_busy[cluster]];
        var from = Math.Max(_since[cluster], _warmupUs);
        if (nowUs > from) EnergyJ += watts * (nowUs - from) * 1e-6;
        TotalEnergyJ += watts * (nowUs - _since[cluster]) * 1e-6;
        _since[cluster] = nowUs;
    }
}
