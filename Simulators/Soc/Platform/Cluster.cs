namespace ArchGym.Simulators.Soc.Platform;

/// <summary>An operating performance point: frequency (MHz) and voltage (mV), DS3 <c>opp</c> line.</summary>
public readonly record struct OperatingPoint(int FrequencyMHz, int VoltageMilliVolts);

/// <summary>DS3 <c>power_profile f P1..Pn</c>: cluster power (W) with k active cores at frequencies up to f.</summary>
public sealed record PowerProfile(int FrequencyMHz, IReadOnlyList<double> ClusterWattsByActiveCores);

/// <summary>
/// A DS3 resource: a cluster of <see cref="Capacity"/> identical single-slot PEs (SimPy Resource(capacity=1) each)
/// with its OPPs, DVFS mode and power profiles. <see cref="Type"/> is DS3's string (LTL, BIG, ACC_1, CPU, MEM ...).
/// </summary>
public sealed record Cluster(
    int Id,
    string Name,
    string Type,
    int Capacity,
    string DvfsMode,
    IReadOnlyList<OperatingPoint> OperatingPoints,
    IReadOnlyList<PowerProfile> PowerProfiles,
    int FirstPe)
{
    public bool IsMemory => Type == "MEM";

    /// <summary>DS3 scales leakage of the LITTLE cluster by 1/4 (area ratio; C1, C2 fitted on the big cluster).</summary>
    public bool IsLittle => Type == "LTL";

    /// <summary>Accelerators have no leakage in DS3's power model.</summary>
    public bool IsAccelerator => Type.StartsWith("ACC", StringComparison.Ordinal);

    /// <summary>The OPP the DVFS mode pins: performance = highest, powersave = lowest, constant-f = f.</summary>
    public OperatingPoint? OperatingPoint
    {
        get
        {
            if (OperatingPoints.Count == 0) return null;
            if (DvfsMode == "powersave") return OperatingPoints[0];
            if (DvfsMode.StartsWith("constant-", StringComparison.Ordinal)
                && int.TryParse(DvfsMode.AsSpan("constant-".Length), out var f))
                return OperatingPoints.First(p => p.FrequencyMHz == f);
            return OperatingPoints[^1];
        }
    }

    /// <summary>
    /// The power profile DS3 uses at the pinned OPP: the first in file order whose frequency is &gt;= the OPP's
    /// (DTPM_power_models.get_max_power_consumption); null without OPPs or profiles.
    /// </summary>
    public PowerProfile? SelectedProfile()
    {
        if (OperatingPoint is not { } op) return null;
        foreach (var p in PowerProfiles)
            if (op.FrequencyMHz <= p.FrequencyMHz) return p;
        return null;
    }

    /// <summary>DVFS slowdown f_max / f_current (DS3 compute_DVFS_performance_slowdown + 1).</summary>
    public double Slowdown => OperatingPoint is { } op ? (double)OperatingPoints[^1].FrequencyMHz / op.FrequencyMHz : 1.0;
}
