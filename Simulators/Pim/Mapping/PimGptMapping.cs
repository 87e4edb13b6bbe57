namespace ArchGym.Simulators.Pim.Mapping;

/// <summary>
/// PIM-GPT's mapping (Wu, Wang, Lu 2023, section "mapping"): (1) concatenate heads so one buffer load serves as
/// many heads as fit and segments fill DRAM rows; (2) K cache row-major, V cache column-major in reserved rows,
/// so q·Kᵀ and s·V are both in-bank products; (3) tile large matrices across channels and banks — the input is cut
/// into more segments until every unit is busy, the ASIC adds the partial sums. Offers the input splits
/// k_min·2^i, from the fewest the input buffer allows, until a segment is under two columns, there are 4 segments per
/// unit (output register), or 8 candidates; the simulator keeps the fastest.
/// </summary>
public sealed class PimGptMapping : IMappingPolicy
{
    public MappingPolicy Kind => MappingPolicy.PimGpt;

    public IReadOnlyList<VmmPartition> Candidates(in VmmOp op, PimGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var list = new List<VmmPartition>(8);
        int k = MappingPolicies.MinimumSplits(op, geometry);
        long enough = 4L * geometry.TotalUnits * (geometry.Style == Devices.PimKernelStyle.RegisterFile ? geometry.Accumulators : 1);
        while (true)
        {
            int segment = MappingPolicies.Ceil(op.Inputs, k);
            int perWindow = geometry.Style == Devices.PimKernelStyle.GlobalBuffer ? Math.Max(1, geometry.BufferElements / segment) : 1;
            list.Add(new VmmPartition(k, perWindow, SpreadWindows: true, BlockOutputs: false, PackedRows: !op.ValueCache));
            long segments = (long)op.Groups * op.Outputs * k;
            if (segments >= enough || segment < 2 * geometry.ElementsPerColumn || list.Count == 8) break;
            k *= 2;
        }
        return list;
    }
}
