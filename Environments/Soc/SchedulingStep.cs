using ArchGym.Simulators.Soc;

namespace ArchGym.Environments.Soc;

/// <summary>
/// What <c>soc-sched-v0</c> observes at a decision: a fixed-length feature vector (layout in
/// <see cref="SchedulingFeatures"/>) and which of the <see cref="SocSchedulingEnvironment.ActionCount"/> ready-task
/// slots hold a task (true = a legal action). After the episode every slot is masked.
/// </summary>
public sealed record SchedulingObservation(IReadOnlyList<double> Features, IReadOnlyList<bool> Mask)
{
    /// <summary>Number of legal actions (visible ready tasks); they are the slots 0 .. LegalActions-1.</summary>
    public int LegalActions => Mask.Count(m => m);
}

/// <summary>Gymnasium's info for <c>soc-sched-v0</c>; <see cref="Report"/> is the run's final report once terminated.</summary>
/// <param name="NowUs">Simulated time of the pending decision (the simulation length once terminated).</param>
/// <param name="Decisions">Decisions taken by the agent so far in this episode.</param>
/// <param name="AutoDecisions">Decisions the environment took itself (a single ready task: no choice to make).</param>
/// <param name="ReadyTasks">Ready tasks now, visible or not (more than the slots when the ready list overflows).</param>
/// <param name="JobsInSystem">Jobs injected and not finished.</param>
/// <param name="CompletedJobs">Jobs finished after warm-up.</param>
/// <param name="JobTimeInSystemUs">The jobs-in-system time integral charged to rewards so far, job-us (the return so far is minus it / 1000).</param>
/// <param name="Report">The simulator's report once the episode has ended, else null.</param>
public sealed record SchedulingInfo(
    double NowUs,
    int Decisions,
    int AutoDecisions,
    int ReadyTasks,
    int JobsInSystem,
    int CompletedJobs,
    double JobTimeInSystemUs,
    SocReport? Report);

/// <summary>Gymnasium's step tuple for <c>soc-sched-v0</c> (episodes end only by termination: the simulated time is up).</summary>
public sealed record SchedulingStep(SchedulingObservation Observation, double Reward, bool Terminated, SchedulingInfo Info);
