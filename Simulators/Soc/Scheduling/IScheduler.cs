namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// A DS3-style list scheduler, invoked at every simulation instant at which tasks are ready; it must
/// <see cref="SchedulingContext.Assign(int,int)"/> every ready task to a PE. One instance per run (may keep state).
/// </summary>
public interface IScheduler
{
    string Name { get; }

    void Schedule(SchedulingContext context);

    /// <summary>Called when a job enters the system (static planners plan it here).</summary>
    void OnJobInjected(SchedulingContext context, int job) { }

    /// <summary>
    /// Order in which this pass's tasks join the executable queue (DS3 update_execution_queue walks the ready list
    /// after the scheduler): false = ready-list order, as DS3's MET, EFT and STF leave it; true = assignment order,
    /// as DS3's ETF leaves it by swapping each committed task to the front.
    /// </summary>
    bool QueuesInAssignmentOrder => false;
}
