namespace ArchGym.Simulators.Pim.Area;

/// <summary>
/// Area of the logic a PIM system adds, mm²: MAC lanes beside the banks, the units' accumulator registers, the
/// per-channel global buffers, and the ASIC's vector lanes. DRAM arrays are not counted.
/// </summary>
public readonly record struct PimArea(double MacLanesMm2, double UnitRegistersMm2, double GlobalBuffersMm2, double AsicMm2)
{
    /// <summary>All of it (json and pim-v0: area_mm2).</summary>
    public double TotalMm2 => MacLanesMm2 + UnitRegistersMm2 + GlobalBuffersMm2 + AsicMm2;

    /// <summary>The DRAM-die part: MAC lanes, registers and buffers.</summary>
    public double PimLogicMm2 => MacLanesMm2 + UnitRegistersMm2 + GlobalBuffersMm2;
}
