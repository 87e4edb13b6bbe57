using ArchGym.Simulators.Systolic.Energy;

namespace ArchGym.Simulators.Systolic;

/// <summary>
/// One layer's results with SCALE-Sim v2's meanings: <see cref="TotalCycles"/> is its total_cycles
/// (the last 0-based cycle index, stalls included), <see cref="ComputeCycles"/> its
/// compute_cycles_no_stall; SRAM counts are word accesses; DRAM counts are words (padding included
/// where SCALE-Sim counts it); bandwidths are words/cycle.
/// </summary>
public sealed record LayerReport(string Layer, long TotalCycles, long ComputeCycles, long StallCycles,
    double OverallUtilPct, double MappingEffPct, double ComputeUtilPct,
    long IfmapSramReads, long FilterSramReads, long OfmapSramWrites,
    long IfmapDramReads, long FilterDramReads, long OfmapDramWrites,
    double AvgIfmapDramBw, double AvgFilterDramBw, double AvgOfmapDramBw,
    double EnergyPj, double AreaMm2)
{
    public long Macs { get; init; }

    /// <summary>Where <see cref="EnergyPj"/> goes.</summary>
    public EnergyBreakdown? Energy { get; init; }

    /// <summary>SCALE-Sim's first/last DRAM cycles per operand (ifmap, filter, ofmap), for its detailed report.</summary>
    public DramCycles? DramCycles { get; init; }

    public long TotalDramWords => IfmapDramReads + FilterDramReads + OfmapDramWrites;

    /// <summary>SCALE-Sim's average SRAM bandwidths: accesses / total_cycles.</summary>
    public double AvgIfmapSramBw => IfmapSramReads / (double)TotalCycles;
    public double AvgFilterSramBw => FilterSramReads / (double)TotalCycles;
    public double AvgOfmapSramBw => OfmapSramWrites / (double)TotalCycles;
}

/// <summary>First and last DRAM cycles of each operand (negative = before the array starts).</summary>
public sealed record DramCycles(long IfmapStart, long IfmapStop, long FilterStart, long FilterStop, long OfmapStart, long OfmapStop);
