using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Core.Wrappers;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Watches a run's evaluations for the first feasible one that meets every target of the task
/// (the sample efficiency of the run): <see cref="EvaluationsToTarget"/> is its 1-based count, or
/// null while no evaluation has met them (always null when the task has no targets).
/// </summary>
public sealed class TargetTracker(TargetSpec targets) : IObserver<Evaluation>
{
    private long _count;

    public TargetSpec Targets => targets;

    public long? EvaluationsToTarget { get; private set; }

    /// <summary>The targets of an environment's task (through wrappers), or none when it has no task.</summary>
    public static TargetSpec TargetsOf(IEnvironment env) =>
        EnvironmentWrapper.Find<EnvironmentBase>(env)?.Task.Targets ?? TargetSpec.None;

    public void OnNext(Evaluation value)
    {
        _count++;
        if (EvaluationsToTarget is not null || !value.Feasible || targets.IsEmpty) return;
        var metrics = value.MetricValues as double[] ?? value.MetricValues.ToArray();
        if (targets.IsMet(metrics)) EvaluationsToTarget = _count;
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
