using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Tests.Reinforcement;

/// <summary>
/// <see cref="ChainMdp"/> behind the gym <see cref="IEnvironment"/> seam, as a multi-step environment
/// such as soc-sched-v0 would be: knobs <c>move</c> (left/right) and <c>gear</c> (g0/g1/g2), one
/// metric per position, <c>at_k</c> (1 where the walker is), observed after each step (NaN after reset,
/// i.e. nothing observed yet, which the adapter passes on as zeros).
/// </summary>
public sealed class ChainGymEnvironment : IEnvironment
{
    private readonly ChainMdp _chain = new();
    private readonly double[] _oneHot = new double[6];
    private readonly int[] _actions = new int[2];

    public string Name => "chain-v0";

    public string Workload => "chain";

    public ParameterSpace ActionSpace { get; } = new(
    [
        new CategoricalParameter("move", ["left", "right"]),
        new CategoricalParameter("gear", ["g0", "g1", "g2"]),
    ]);

    public IReadOnlyList<Metric> Metrics { get; } = Enumerable.Range(0, 6).Select(k => new Metric($"at_{k}", "1", Direction.Maximize)).ToArray();

    public double OptimalReturn => _chain.OptimalReturn;

    public (Observation Observation, StepInfo Info) Reset(int? seed = null)
    {
        _chain.Reset(seed, _oneHot);
        return (Observation.Missing(Metrics.Count), StepInfo.Ok);
    }

    public StepResult Step(DesignPoint action)
    {
        var point = ActionSpace.Adopt(action);
        _actions[0] = (int)point["move"];
        _actions[1] = (int)point["gear"];
        var step = _chain.Step(_actions, _oneHot);
        return new StepResult(new Observation(_oneHot.ToArray()), step.Reward, step.Terminated, step.Truncated, StepInfo.Ok);
    }

    public void Dispose()
    {
    }
}
