using ArchGym.Environments.Core.Wrappers;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// The evaluation caches runs of a sweep share: one per environment settings and seed (a seed may
/// change an environment's numbers, so runs with different seeds never share). A cache is dropped
/// once its last pending run has finished, so memory follows the runs still to come.
/// </summary>
public sealed class SharedCaches
{
    private readonly Dictionary<string, (EvaluationCache Cache, int Pending)> _caches = new(StringComparer.Ordinal);

    public SharedCaches(IEnumerable<SweepRun> pending)
    {
        foreach (var run in pending)
        {
            if (run.CacheKey is not { } key) continue;
            _caches[key] = _caches.TryGetValue(key, out var c) ? (c.Cache, c.Pending + 1) : (new EvaluationCache(), 1);
        }
    }

    /// <summary>The run's shared cache, or null when it has its own.</summary>
    public EvaluationCache? For(SweepRun run)
    {
        if (run.CacheKey is not { } key) return null;
        lock (_caches) return _caches[key].Cache;
    }

    /// <summary>The run is over (whatever its outcome): its cache goes when no pending run needs it.</summary>
    public void Release(SweepRun run)
    {
        if (run.CacheKey is not { } key) return;
        lock (_caches)
        {
            var (cache, pending) = _caches[key];
            if (pending <= 1) _caches.Remove(key);
            else _caches[key] = (cache, pending - 1);
        }
    }
}
