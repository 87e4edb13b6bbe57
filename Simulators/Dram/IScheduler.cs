namespace ArchGym.Simulators.Dram;

/// <summary>
/// Chooses which buffered request a bank serves next (DRAMSys SchedulerIF::getNextRequest). Stateless:
/// the bank's open row and the direction of the last column command are passed in.
/// </summary>
internal interface IScheduler
{
    /// <summary>Index into <paramref name="queue"/> (arrival order, non-empty) of the request to serve next.</summary>
    int Select(ReadOnlySpan<QueuedRequest> queue, bool bankOpen, int openRow, bool lastWasWrite);
}
