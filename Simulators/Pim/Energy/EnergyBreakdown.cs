namespace ArchGym.Simulators.Pim.Energy;

/// <summary>
/// Energy in µJ: DRAM core (activations, in-bank column moves, refresh, background), MAC lanes, ASIC, and
/// channel I/O (bits over the off-chip interface).
/// </summary>
public readonly record struct EnergyBreakdown(double DramCoreUj, double MacUj, double AsicUj, double IoUj)
{
    public double TotalUj => DramCoreUj + MacUj + AsicUj + IoUj;

    public static EnergyBreakdown operator +(EnergyBreakdown a, EnergyBreakdown b) =>
        new(a.DramCoreUj + b.DramCoreUj, a.MacUj + b.MacUj, a.AsicUj + b.AsicUj, a.IoUj + b.IoUj);

    public EnergyBreakdown Times(double n) => new(DramCoreUj * n, MacUj * n, AsicUj * n, IoUj * n);
}
