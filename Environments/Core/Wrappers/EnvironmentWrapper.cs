using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.Wrappers;

/// <summary>Gymnasium's <c>Wrapper</c>: forwards everything to the wrapped environment; subclasses change one thing.</summary>
public abstract class EnvironmentWrapper(IEnvironment inner) : IEnvironment
{
    public IEnvironment Inner { get; } = inner;

    public virtual string Name => Inner.Name;

    public virtual string Workload => Inner.Workload;

    public virtual ParameterSpace ActionSpace => Inner.ActionSpace;

    public virtual IReadOnlyList<Metric> Metrics => Inner.Metrics;

    public virtual (Observation Observation, StepInfo Info) Reset(int? seed = null) => Inner.Reset(seed);

    public virtual StepResult Step(DesignPoint action) => Inner.Step(action);

    public virtual void Dispose()
    {
        Inner.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The innermost environment of type <typeparamref name="T"/> in a wrapper chain, or null.</summary>
    public static T? Find<T>(IEnvironment env) where T : class, IEnvironment
    {
        for (var e = env; e is not null; e = (e as EnvironmentWrapper)?.Inner)
        {
            if (e is T t) return t;
        }

        return null;
    }
}
