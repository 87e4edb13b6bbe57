namespace ArchGym.Environments.Core.Tasks;

/// <summary>Target values per metric: met when a minimised metric is at or below, a maximised one at or above its target.</summary>
public sealed class TargetSpec(IReadOnlyList<ResolvedTerm> targets)
{
    public static TargetSpec None { get; } = new([]);

    public IReadOnlyList<ResolvedTerm> Targets => targets;

    public bool IsEmpty => targets.Count == 0;

    /// <summary>True when every target is met (false when there are none: nothing to meet means never "done").</summary>
    public bool IsMet(ReadOnlySpan<double> metricValues)
    {
        if (targets.Count == 0) return false;
        foreach (var t in targets)
        {
            var x = metricValues[t.Index];
            if (double.IsNaN(x) || t.Sign * (x - t.Value) > 0) return false;
        }

        return true;
    }

    public IReadOnlyDictionary<string, double> ToDictionary() => targets.ToDictionary(t => t.Metric, t => t.Value);
}
