using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc;

/// <summary>One application of the job mix and its selection probability (DS3 <c>job_probabilities</c>).</summary>
public sealed record JobMixEntry(JobGraph Job, double Probability);

/// <summary>The job mix; each arrival picks an application with the given probabilities.</summary>
public sealed record SocWorkload(IReadOnlyList<JobMixEntry> Mix)
{
    public static SocWorkload Of(params (string CatalogName, double Probability)[] mix) =>
        new(mix.Select(m => new JobMixEntry(JobCatalog.Get(m.CatalogName), m.Probability)).ToArray());

    public void Validate(Platform.SocPlatform soc)
    {
        if (Mix.Count == 0) throw new InvalidConfigException(nameof(Mix), "empty", "at least one job with probability > 0");
        var sum = Mix.Sum(m => m.Probability);
        if (Mix.Any(m => !(m.Probability >= 0)) || Math.Abs(sum - 1) > 1e-6)
            throw new InvalidConfigException("job probabilities", string.Join(",", Mix.Select(m => m.Probability)), "non-negative values summing to 1");
        foreach (var m in Mix)
            foreach (var t in m.Job.Tasks)
            {
                var row = soc.ExecutionTimesUs(t.Name);
                if (row is null || row.All(double.IsPositiveInfinity))
                    throw new InvalidConfigException("task", $"{m.Job.Name}/{t.Name}", $"a task some PE of {soc.Name} supports");
            }
    }
}
