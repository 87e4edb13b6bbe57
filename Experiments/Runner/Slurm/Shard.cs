using System.Globalization;
using ArchGym.Experiments.Cli;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>
/// Shard <c>i</c> of <c>n</c> of a sweep: the runs whose index leaves remainder <c>i</c> when divided
/// by <c>n</c>. Dealing runs out round-robin (not in blocks) spreads each agent's and budget's runs
/// over all shards, so shards take about the same time; every run is in exactly one shard.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static int Of(SweepRun run, int count) => run.Index % count;

    public bool Contains(SweepRun run) => Of(run, Count) == Index;

    public IReadOnlyList<SweepRun> Select(IEnumerable<SweepRun> runs) => runs.Where(Contains).ToArray();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>i/n</c> (0 &lt;= i &lt; n); <paramref name="field"/> names the option in errors.</summary>
    public static Shard Parse(string text, string field)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i < n)
        {
            return new Shard(i, n);
        }

        throw new UserInputException($"{field} {text}: allowed: i/n with whole numbers 0 <= i < n (for example 0/4)");
    }
}
