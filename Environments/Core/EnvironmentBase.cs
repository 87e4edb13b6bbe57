using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Environments.Core;

/// <summary>
/// The shared body of a design-space environment: episode bookkeeping, constraint checks and the
/// task's reward and termination, around one abstract <see cref="Evaluate"/> that runs the simulator.
/// An infeasible point observes NaN metrics and NaN reward, with <see cref="StepInfo.Feasible"/> false.
/// </summary>
public abstract class EnvironmentBase : IEnvironment
{
    private bool _reset;
    private bool _done;

    protected EnvironmentBase(string name, string workload, ParameterSpace space, IReadOnlyList<Metric> metrics, TaskSettings task)
    {
        Name = name;
        Workload = workload;
        ActionSpace = space;
        Metrics = metrics;
        Task = task;
    }

    public string Name { get; }

    public string Workload { get; }

    public ParameterSpace ActionSpace { get; }

    public IReadOnlyList<Metric> Metrics { get; }

    public TaskSettings Task { get; }

    /// <summary>Steps taken since the last reset.</summary>
    public int EpisodeSteps { get; private set; }

    /// <summary>The seed of the last reset (environments whose simulation is random draw from it).</summary>
    protected int Seed { get; private set; }

    public (Observation Observation, StepInfo Info) Reset(int? seed = null)
    {
        if (seed is { } s) Seed = s;
        _reset = true;
        _done = false;
        EpisodeSteps = 0;
        OnReset();
        return (Observation.Missing(Metrics.Count), StepInfo.Ok);
    }

    public StepResult Step(DesignPoint action)
    {
        if (!_reset) throw new InvalidOperationException($"{Name}: call Reset before Step");
        if (_done) throw new InvalidOperationException($"{Name}: the episode has ended (terminated or truncated); call Reset");
        var point = ActionSpace.Adopt(action);
        EpisodeSteps++;
        var reason = ActionSpace.CheckFeasibility(point);
        var result = reason is null ? Evaluate(point) : MetricResult.Infeasible(reason);
        if (!result.Feasible)
            return new StepResult(Observation.Missing(Metrics.Count), double.NaN, false, false, new StepInfo(false, result.InfeasibleReason));

        var values = result.Values as double[] ?? result.Values.ToArray();
        var terminated = Task.TerminateOnTarget && Task.Targets.IsMet(values);
        _done = terminated;
        return new StepResult(new Observation(values), Task.Reward.Compute(values), terminated, false, new StepInfo(true, null, false, result.Extra));
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Runs the simulation of one feasible design point.</summary>
    protected abstract MetricResult Evaluate(DesignPoint point);

    protected virtual void OnReset()
    {
    }
}
