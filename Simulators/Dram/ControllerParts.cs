using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Buffers;
using ArchGym.Simulators.Dram.PagePolicies;
using ArchGym.Simulators.Dram.Refresh;
using ArchGym.Simulators.Dram.Schedulers;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>Builds the controller's pluggable parts from the knobs (one switch per concern).</summary>
internal static class ControllerParts
{
    public static IScheduler Scheduler(SchedulerKind kind) => kind switch
    {
        SchedulerKind.Fifo => new FifoScheduler(),
        SchedulerKind.FrFcfs => new FrFcfsScheduler(),
        _ => new FrFcfsGrpScheduler(),
    };

    public static IPagePolicy PagePolicy(PagePolicyKind kind) => kind switch
    {
        PagePolicyKind.Open => new OpenPagePolicy(),
        PagePolicyKind.OpenAdaptive => new OpenAdaptivePagePolicy(),
        PagePolicyKind.Closed => new ClosedPagePolicy(),
        _ => new ClosedAdaptivePagePolicy(),
    };

    public static IRequestBuffer Buffer(ControllerConfig c, int banks) => c.SchedulerBuffer switch
    {
        SchedulerBufferKind.Bankwise => new BankwiseBuffer(c.RequestBufferSize, banks),
        SchedulerBufferKind.ReadWrite => new ReadWriteBuffer(c.RequestBufferSizeRead, c.RequestBufferSizeWrite),
        _ => new SharedBuffer(c.RequestBufferSize),
    };

    /// <exception cref="InvalidConfigException">PerBank on a standard without per-bank refresh.</exception>
    public static IRefreshPolicy Refresh(ControllerConfig c, DramStandard s, int rank)
    {
        var o = s.Organization;
        return c.RefreshPolicy switch
        {
            RefreshPolicyKind.NoRefresh => new NoRefresh(),
            RefreshPolicyKind.AllBank => new AllBankRefresh(rank, o.BanksPerRank, s.Timing.REFI, o.Ranks, c.RefreshMaxPostponed, c.RefreshMaxPulledin),
            _ when s.SupportsPerBankRefresh => new PerBankRefresh(rank, o.BanksPerRank, s.Timing.REFIpb, o.Ranks, c.RefreshMaxPostponed, c.RefreshMaxPulledin),
            _ => throw new InvalidConfigException(nameof(ControllerConfig.RefreshPolicy), c.RefreshPolicy,
                $"NoRefresh or AllBank ({s.Name} has no per-bank refresh)"),
        };
    }
}
