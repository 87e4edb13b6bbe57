namespace ArchGym.Simulators.Soc;

/// <summary>
/// What an RL scheduler observes about one ready task (DeepSoCS node features and friends). Times in microseconds.
/// Execution times per PE come from <see cref="SocSimulation.ExecutionTimeUs"/> (or per cluster,
/// <see cref="SocSimulation.ClusterExecutionTimeUs"/>).
/// </summary>
/// <param name="Task">The task handle (index into the run's task table; stable for the whole run).</param>
/// <param name="Job">The job instance (0, 1, ... in injection order).</param>
/// <param name="TaskId">The task's id inside its job graph.</param>
/// <param name="Application">Index of the job's application in <see cref="SocWorkload.Mix"/>.</param>
/// <param name="ReadySinceUs">When the task became ready (all predecessors done, shared-memory writes landed).</param>
/// <param name="WaitUs">Time spent ready so far: now - <paramref name="ReadySinceUs"/>.</param>
/// <param name="JobAgeUs">now - the job's injection time.</param>
/// <param name="MeanExecutionUs">Mean execution time over the PEs that can run it (HEFT's w̄).</param>
/// <param name="UpwardRankUs">HEFT upward rank within its job (w̄ plus the longest mean path to the job's exit).</param>
/// <param name="JobRemainingTasks">Tasks of the job not yet finished (this one included).</param>
/// <param name="JobRemainingWorkUs">Sum of w̄ over those tasks.</param>
public readonly record struct ReadyTaskInfo(
    int Task,
    int Job,
    int TaskId,
    int Application,
    double ReadySinceUs,
    double WaitUs,
    double JobAgeUs,
    double MeanExecutionUs,
    double UpwardRankUs,
    int JobRemainingTasks,
    double JobRemainingWorkUs);
