using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Wrappers;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Counts one run's cache hits when its cache may be shared with other runs (a sweep), so
/// <c>run.json</c> reports this run's hits, not the shared cache's total.
/// </summary>
public sealed class CacheHitCounter
{
    private long _hits;

    public long Hits => Interlocked.Read(ref _hits);

    public IEnvironment Wrap(IEnvironment env) => new Counting(env, this);

    private sealed class Counting(IEnvironment inner, CacheHitCounter counter) : EnvironmentWrapper(inner)
    {
        public override StepResult Step(DesignPoint action)
        {
            var result = base.Step(action);
            if (result.Info.FromCache) Interlocked.Increment(ref counter._hits);
            return result;
        }
    }
}
