using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.Wrappers;

/// <summary>Rewards become <c>scale * reward + offset</c> (e.g. to bring ArchGym's closeness rewards into an RL-friendly range).</summary>
public sealed class RewardScaling(IEnvironment inner, double scale, double offset = 0) : EnvironmentWrapper(inner)
{
    public double Scale { get; } = double.IsFinite(scale) && scale != 0 ? scale : throw new ArgumentException("reward scale must be finite and non-zero", nameof(scale));

    public double Offset { get; } = double.IsFinite(offset) ? offset : throw new ArgumentException("reward offset must be finite", nameof(offset));

    public override StepResult Step(DesignPoint action)
    {
        var result = base.Step(action);
        return result with { Reward = Scale * result.Reward + Offset };
    }
}
