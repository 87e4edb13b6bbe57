using ArchGym.Simulators.Pim.Energy;

namespace ArchGym.Simulators.Pim;

/// <summary>
/// One (out × in) matrix-vector product on the PIM device, compared with streaming the same operands through a
/// plain DRAM interface of the same channels (PIMSimulator's non-PIM measurement: read W and x, write y, read x,
/// write y, each drained). Cycles are DRAM clock cycles and include refresh.
/// </summary>
public sealed record GemvReport(
    string Device,
    MappingPolicy Mapping,
    int OutDim,
    int InDim,
    long PimCycles,
    long StreamingCycles,
    double TckNs,
    long Refreshes,
    int InputSplits,
    long Activations,
    long MacCommands,
    double RowHitRate,
    EnergyBreakdown Energy)
{
    /// <summary>json: gemv_cycles.</summary>
    public long GemvCycles => PimCycles;
    public double PimUs => PimCycles * TckNs / 1000;
    public double StreamingUs => StreamingCycles * TckNs / 1000;
    public double SpeedupVsStreaming => (double)StreamingCycles / PimCycles;
}
