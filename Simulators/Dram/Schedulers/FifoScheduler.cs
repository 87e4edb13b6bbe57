namespace ArchGym.Simulators.Dram.Schedulers;

/// <summary>DRAMSys SchedulerFifo: each bank serves its oldest request, row hit or not.</summary>
internal sealed class FifoScheduler : IScheduler
{
    public int Select(ReadOnlySpan<QueuedRequest> queue, bool bankOpen, int openRow, bool lastWasWrite) => 0;
}
