using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Mapping;

namespace ArchGym.Simulators.Pim.Kernels;

/// <summary>
/// One VMM on the whole device (refresh excluded): the slowest channel's schedule (its latency and how it splits
/// into categories), command counts summed over every channel, the partial sums the ASIC must add, and, for a
/// product the mapping leaves to the ASIC, its MACs.
/// </summary>
internal readonly record struct VmmCost(KernelTiming Slowest, KernelTiming AllChannels, long AsicAdds, long AsicMacs,
    VmmPartition Partition)
{
    public long Cycles => Slowest.Cycles;
}
