using ArchGym.Environments.Core.Spaces;
using ArchGym.Simulators.Dram;

namespace ArchGym.Environments.Dram;

/// <summary>
/// The knobs of <c>dram-v0</c>: exactly DRAMGym's ten memory-controller settings, named and valued as in DRAMSys's
/// mcconfig (ArchGym writes them into <c>policy.json</c> at every step). Choices keep DRAMSys's value names; the
/// sizes use DRAMGym's power-of-two encoding: RequestBufferSize and MaxActiveTransactions 1..128,
/// RefreshMaxPostponed and RefreshMaxPulledin 1..8. 663 552 design points.
/// </summary>
public static class DramSpace
{
    public const string PagePolicy = "PagePolicy";
    public const string Scheduler = "Scheduler";
    public const string SchedulerBuffer = "SchedulerBuffer";
    public const string RequestBufferSize = "RequestBufferSize";
    public const string RespQueue = "RespQueue";
    public const string RefreshPolicy = "RefreshPolicy";
    public const string RefreshMaxPostponed = "RefreshMaxPostponed";
    public const string RefreshMaxPulledin = "RefreshMaxPulledin";
    public const string Arbiter = "Arbiter";
    public const string MaxActiveTransactions = "MaxActiveTransactions";

    public static ParameterSpace Create() => new(
    [
        Choice<PagePolicyKind>(PagePolicy, "row-buffer policy: keep rows open, close after each access, or adapt to the queued requests"),
        Choice<SchedulerKind>(Scheduler, "per-bank request order: oldest first, row hits first, row hits first grouped by read/write"),
        Choice<SchedulerBufferKind>(SchedulerBuffer, "what RequestBufferSize counts: entries per bank, per direction, or one shared pool"),
        OrdinalParameter.PowersOfTwo(RequestBufferSize, 1, 128, "scheduler buffer entries (also the ReadWrite buffer's read and write sizes)"),
        Choice<RespQueueKind>(RespQueue, "response order: as completed (Fifo) or in request order (Reorder)"),
        Choice<RefreshPolicyKind>(RefreshPolicy, "refresh: none, all-bank REF every tREFI, per-bank REFpb (standards that have it; else infeasible)"),
        OrdinalParameter.PowersOfTwo(RefreshMaxPostponed, 1, 8, "refreshes that may be postponed while the rank is busy"),
        OrdinalParameter.PowersOfTwo(RefreshMaxPulledin, 1, 8, "refreshes that may be pulled in while the rank is idle"),
        Choice<ArbiterKind>(Arbiter, "front end: Simple (one request at a time), Fifo or Reorder (up to MaxActiveTransactions in flight)"),
        OrdinalParameter.PowersOfTwo(MaxActiveTransactions, 1, 128, "transactions the Fifo/Reorder arbiter lets be in flight (Simple ignores it)"),
    ]);

    private static CategoricalParameter Choice<T>(string name, string description) where T : struct, Enum =>
        new(name, Enum.GetNames<T>(), description);
}
