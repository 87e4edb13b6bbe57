namespace ArchGym.Environments.Soc;

/// <summary>
/// Hand-written <c>soc-sched-v0</c> policies that read only the observation, as yardsticks for learned ones:
/// <see cref="FirstReady"/> is DS3's EFT; <see cref="HighestUpwardRank"/> is HEFT's list order (critical path first).
/// </summary>
public static class SchedulingBaselines
{
    /// <summary>The first ready task (DS3 ready-list order): with earliest-finish PEs this is DS3's EFT scheduler.</summary>
    public static int FirstReady(SchedulingObservation observation) => observation.Mask[0] ? 0 : throw NoLegalAction();

    /// <summary>The ready task of highest HEFT upward rank (ties: the earlier slot).</summary>
    public static int HighestUpwardRank(SchedulingObservation observation) =>
        ArgMax(observation, SchedulingFeatures.UpwardRankFeature, sign: 1);

    /// <summary>The ready task of the oldest job (ties: the earlier slot).</summary>
    public static int OldestJob(SchedulingObservation observation) => ArgMax(observation, 1, sign: 1);

    /// <summary>The ready task of the youngest job: a deliberately poor order, for "is learning happening" checks.</summary>
    public static int YoungestJob(SchedulingObservation observation) => ArgMax(observation, 1, sign: -1);

    private static int ArgMax(SchedulingObservation observation, int feature, int sign)
    {
        var width = SchedulingFeatures.TaskFeatures.Count;
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var s = 0; s < observation.Mask.Count; s++)
        {
            if (!observation.Mask[s]) continue;
            var v = sign * observation.Features[s * width + feature];
            if (v > bestValue) { bestValue = v; best = s; }
        }
        return best >= 0 ? best : throw NoLegalAction();
    }

    private static InvalidOperationException NoLegalAction() => new("no legal action: the episode has ended");
}
