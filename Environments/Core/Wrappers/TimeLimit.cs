using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.Wrappers;

/// <summary>Truncates an episode after <see cref="MaxSteps"/> steps (Gymnasium's TimeLimit).</summary>
public sealed class TimeLimit : EnvironmentWrapper
{
    private int _steps;

    public TimeLimit(IEnvironment inner, int maxSteps)
        : base(inner)
    {
        if (maxSteps < 1) throw new ArgumentException($"time limit: max steps must be at least 1, got {maxSteps}", nameof(maxSteps));
        MaxSteps = maxSteps;
    }

    public int MaxSteps { get; }

    public override (Observation Observation, StepInfo Info) Reset(int? seed = null)
    {
        _steps = 0;
        return base.Reset(seed);
    }

    public override StepResult Step(DesignPoint action)
    {
        var result = base.Step(action);
        _steps++;
        return _steps >= MaxSteps && !result.Terminated ? result with { Truncated = true } : result;
    }
}
