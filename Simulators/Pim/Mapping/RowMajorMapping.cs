namespace ArchGym.Simulators.Pim.Mapping;

/// <summary>
/// The naive baseline, and what PIMSimulator's executeGemv does: a dot product stays whole in one unit (cut only
/// where the input buffer forces it), every channel walks the whole input for its share of the outputs, a unit's
/// output registers fill before the next unit gets any, each matrix row starts a new DRAM row, heads are served one
/// buffer load each, and a row-major V cache leaves s·V to the ASIC.
/// </summary>
public sealed class RowMajorMapping : IMappingPolicy
{
    public MappingPolicy Kind => MappingPolicy.RowMajor;

    public IReadOnlyList<VmmPartition> Candidates(in VmmOp op, PimGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (op.ValueCache) return [new VmmPartition(1, 1, false, false, false, OnAsic: true)];
        return [new VmmPartition(MappingPolicies.MinimumSplits(op, geometry), 1, SpreadWindows: false, BlockOutputs: true, PackedRows: false)];
    }
}
