namespace ArchGym.Simulators.Pim.Mapping;

/// <summary>
/// A data-layout strategy: the placements it would use for one product. The simulator evaluates every candidate
/// on the command-level model and keeps the fastest, so a policy may offer a few (e.g. different input splits).
/// </summary>
public interface IMappingPolicy
{
    MappingPolicy Kind { get; }

    /// <summary>At least one placement for <paramref name="op"/> on <paramref name="geometry"/>.</summary>
    IReadOnlyList<VmmPartition> Candidates(in VmmOp op, PimGeometry geometry);
}

/// <summary>The policy object of each <see cref="MappingPolicy"/>.</summary>
public static class MappingPolicies
{
    private static readonly IMappingPolicy PimGpt = new PimGptMapping();
    private static readonly IMappingPolicy RowMajor = new RowMajorMapping();

    public static IMappingPolicy For(MappingPolicy kind) => kind == MappingPolicy.RowMajor ? RowMajor : PimGpt;

    /// <summary>Fewest segments per dot product the unit style allows: a global-buffer unit must see its whole segment in one load.</summary>
    internal static int MinimumSplits(in VmmOp op, PimGeometry geometry) =>
        geometry.Style == Devices.PimKernelStyle.GlobalBuffer ? Ceil(op.Inputs, geometry.BufferElements) : 1;

    internal static int Ceil(long a, long b) => (int)((a + b - 1) / b);
}
