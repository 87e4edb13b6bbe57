namespace ArchGym.Simulators.Systolic.Energy;

/// <summary>
/// Per-access energy constants (pJ), 45 nm, from M. Horowitz, "Computing's energy problem (and what
/// we can do about it)", ISSCC 2014, unless marked as an assumption. Override any of them with <c>with</c>.
/// </summary>
public sealed record EnergyCosts
{
    /// <summary>8-bit integer multiply: 0.2 pJ (Horowitz). Scales with bits² for wider words.</summary>
    public double Multiply8BitPj { get; init; } = 0.2;

    /// <summary>8-bit integer add: 0.03 pJ (Horowitz). Scales linearly with bits.</summary>
    public double Add8BitPj { get; init; } = 0.03;

    /// <summary>SRAM energy per bit accessed at the anchor size: 20 pJ per 64-bit read of a 32 kB SRAM (Horowitz).</summary>
    public double SramPjPerBitAtAnchor { get; init; } = 20.0 / 64;

    public double SramAnchorKb { get; init; } = 32;

    /// <summary>DRAM: 1.3-2.6 nJ per 64-bit access (Horowitz); the low end, about 20 pJ/bit.</summary>
    public double DramPjPerBit { get; init; } = 1300.0 / 64;

    /// <summary>Assumption: clock and leakage per PE per cycle, ~10 % of an 8-bit MAC; charged busy or idle.</summary>
    public double PeStaticPjPerCycle { get; init; } = 0.023;

    public static EnergyCosts Horowitz45nm { get; } = new();
}

/// <summary>Where a layer's energy goes (pJ).</summary>
public sealed record EnergyBreakdown(double MacPj, double PeStaticPj, double IfmapSramPj, double FilterSramPj,
    double OfmapSramPj, double DramPj)
{
    public double TotalPj => MacPj + PeStaticPj + IfmapSramPj + FilterSramPj + OfmapSramPj + DramPj;
}

/// <summary>
/// Energy = MACs * E_mac + PEs * cycles * E_static + SRAM word accesses * E_sram(size) + DRAM words * bits * E_dram_bit.
/// SRAM energy per access grows with sqrt(capacity) (CACTI-style; Horowitz's 8 kB / 32 kB / 1 MB points
/// follow it: 10, 20, 100 pJ per 64 bits). SRAM accesses count the array's reads or writes plus the
/// DRAM traffic that fills (ifmap, filter) or drains (ofmap) the buffer.
/// </summary>
public static class EnergyModel
{
    public static EnergyBreakdown Estimate(SystolicConfig config, long macs, long totalCycles,
        long ifmapSramReads, long filterSramReads, long ofmapSramWrites,
        long ifmapDramReads, long filterDramReads, long ofmapDramWrites, EnergyCosts? costs = null)
    {
        costs ??= EnergyCosts.Horowitz45nm;
        int bits = 8 * config.WordBytes;
        double scale = bits / 8.0;
        double mac = costs.Multiply8BitPj * scale * scale + costs.Add8BitPj * scale;
        return new EnergyBreakdown(
            MacPj: macs * mac,
            PeStaticPj: (double)config.Pes * totalCycles * costs.PeStaticPjPerCycle,
            IfmapSramPj: (ifmapSramReads + ifmapDramReads) * SramWordPj(costs, config.IfmapSramKb, bits),
            FilterSramPj: (filterSramReads + filterDramReads) * SramWordPj(costs, config.FilterSramKb, bits),
            OfmapSramPj: (ofmapSramWrites + ofmapDramWrites) * SramWordPj(costs, config.OfmapSramKb, bits),
            DramPj: (double)(ifmapDramReads + filterDramReads + ofmapDramWrites) * bits * costs.DramPjPerBit);
    }

    /// <summary>Energy of one word access to an SRAM of <paramref name="kb"/> kB: sqrt scaling from the anchor.</summary>
    public static double SramWordPj(EnergyCosts costs, double kb, int bits) =>
        bits * costs.SramPjPerBitAtAnchor * Math.Sqrt(kb / costs.SramAnchorKb);
}
