using System.Collections.Concurrent;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.Wrappers;

/// <summary>
/// Results by design-point values, shared by every worker's environment instance of one run.
/// Each point is simulated exactly once even when two workers ask for it at the same time.
/// </summary>
public sealed class EvaluationCache
{
    private readonly ConcurrentDictionary<PointKey, Lazy<StepResult>> _results = new();
    private long _hits;

    public long Hits => Interlocked.Read(ref _hits);

    public int Count => _results.Count;

    /// <summary>The cached result for the point, computing it with <paramref name="evaluate"/> on the first request.</summary>
    public (StepResult Result, bool Hit) GetOrEvaluate(DesignPoint point, Func<StepResult> evaluate)
    {
        var fresh = new Lazy<StepResult>(evaluate, LazyThreadSafetyMode.ExecutionAndPublication);
        var lazy = _results.GetOrAdd(new PointKey(point.Values.ToArray()), fresh);
        var hit = !ReferenceEquals(lazy, fresh);
        if (hit) Interlocked.Increment(ref _hits);
        return (lazy.Value, hit);
    }

    private readonly struct PointKey(double[] values) : IEquatable<PointKey>
    {
        private readonly int _hash = Hash(values);

        public bool Equals(PointKey other) => _hash == other._hash && values.AsSpan().SequenceEqual(other.Values);

        public override bool Equals(object? obj) => obj is PointKey k && Equals(k);

        public override int GetHashCode() => _hash;

        private double[] Values => values;

        private static int Hash(double[] v)
        {
            var h = new HashCode();
            foreach (var x in v) h.Add(x);
            return h.ToHashCode();
        }
    }
}
