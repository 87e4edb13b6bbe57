using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.Wrappers;

/// <summary>
/// Simulates identical design points once: a repeat returns the stored result with
/// <see cref="StepInfo.FromCache"/> set. Environments are deterministic per point, so this changes
/// no number, only time. Episode bookkeeping (terminated, reset) stays with the wrapped environment.
/// </summary>
public sealed class CachingEnvironment(IEnvironment inner, EvaluationCache cache) : EnvironmentWrapper(inner)
{
    public EvaluationCache Cache { get; } = cache;

    public override StepResult Step(DesignPoint action)
    {
        var (result, hit) = Cache.GetOrEvaluate(action, () => base.Step(action));
        if (!hit) return result;
        return result with { Info = result.Info with { FromCache = true } };
    }
}
