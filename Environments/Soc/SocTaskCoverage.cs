using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;

namespace ArchGym.Environments.Soc;

/// <summary>
/// Which PE types can run each task of the job mix on the base SoC, to tell a design that leaves a task without any
/// capable PE (e.g. no CPU and no Viterbi accelerator for WiFi RX's decoder) before simulating it, with a clear reason.
/// </summary>
public sealed class SocTaskCoverage
{
    private readonly (string Task, string Where, string Job, string[] Clusters)[] _tasks;

    public SocTaskCoverage(SocPlatform baseSoc, SocWorkload workload)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tasks = new List<(string, string, string, string[])>();
        foreach (var entry in workload.Mix)
        {
            if (entry.Probability <= 0) continue;
            foreach (var task in entry.Job.Tasks)
            {
                if (!seen.Add(task.Name)) continue;
                var row = baseSoc.ExecutionTimesUs(task.Name);
                var clusters = row is null ? [] : baseSoc.Clusters
                    .Where(c => !c.IsMemory && c.Capacity > 0 && !double.IsPositiveInfinity(row[c.FirstPe]))
                    .Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                tasks.Add((task.Name, entry.Job.Where(task.Id), entry.Job.Name, clusters));
            }
        }
        _tasks = tasks.ToArray();
    }

    /// <summary>Why a design with these PE counts (by base cluster name) cannot run the mix, or null when it can.</summary>
    public string? Check(IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (task, where, job, clusters) in _tasks)
        {
            if (clusters.Any(c => counts.TryGetValue(c, out var n) && n > 0)) continue;
            var options = clusters.Length == 0 ? "no PE type of the base SoC" : string.Join(" or ", clusters);
            return $"no PE can run task '{task}' of {job} ({where}); it needs at least one {options} PE";
        }
        return null;
    }
}
