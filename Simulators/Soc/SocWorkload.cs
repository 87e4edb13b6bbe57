using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc;

/// <summary>One application of the job mix and its selection probability (DS3 <c>job_probabilities</c>).</summary>
public sealed record JobMixEntry(JobGraph Job, double Probability);

/// <summary>The job mix (DS3 <c>job_file</c> + <c>job_probabilities</c>); each arrival picks an application with the given probabilities.</summary>
public sealed record SocWorkload(IReadOnlyList<JobMixEntry> Mix)
{
    /// <summary>A mix of built-in jobs by <see cref="JobCatalog"/> name, e.g. <c>Of(("job_WIFI_5TXM", 0.8), ("job_WIFI_5RXM", 0.2))</c>.</summary>
    public static SocWorkload Of(params (string CatalogName, double Probability)[] mix) =>
        new(mix.Select(m => new JobMixEntry(JobCatalog.Get(m.CatalogName), m.Probability)).ToArray());

    /// <summary>
    /// Parses a mix such as "WiFi_TX 0.8 / WiFi_RX 0.2" or "job_WIFI_5TXM:0.8, job_WIFI_5RXM:0.2" (entries separated by
    /// '/', ',' or ';'; name and probability by space, ':' or '='; names as <see cref="JobCatalog.Get"/> accepts).
    /// </summary>
    public static SocWorkload Parse(string mix)
    {
        var entries = new List<(string, double)>();
        foreach (var part in mix.Split(['/', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tok = part.Split([' ', ':', '='], StringSplitOptions.RemoveEmptyEntries);
            if (tok.Length != 2 || !double.TryParse(tok[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p))
                throw new InvalidConfigException("job mix entry", part, "'<job name> <probability>', e.g. 'WiFi_TX 0.8 / WiFi_RX 0.2'");
            entries.Add((tok[0], p));
        }
        if (entries.Count == 0) throw new InvalidConfigException("job mix", mix, "'<job name> <probability>' entries, e.g. 'WiFi_TX 0.8 / WiFi_RX 0.2'");
        return Of([.. entries]);
    }

    /// <summary>A mix of DS3 job files read from disk (one probability per file, in the same order).</summary>
    public static SocWorkload FromFiles(IReadOnlyList<string> paths, IReadOnlyList<double> probabilities)
    {
        if (paths.Count != probabilities.Count)
            throw new InvalidConfigException("job probabilities", string.Join(",", probabilities), $"one probability per job file ({paths.Count})");
        return new(paths.Select((p, i) => new JobMixEntry(JobFileReader.Read(p), probabilities[i])).ToArray());
    }

    /// <summary>Checks probabilities and that every task has a PE of <paramref name="soc"/> able to run it (errors name the job file and line).</summary>
    public void Validate(Platform.SocPlatform soc)
    {
        if (Mix is null || Mix.Count == 0) throw new InvalidConfigException(nameof(Mix), "empty", "at least one job with probability > 0");
        var sum = Mix.Sum(m => m.Probability);
        if (Mix.Any(m => !(m.Probability >= 0)) || Math.Abs(sum - 1) > 1e-6)
            throw new InvalidConfigException("job probabilities", string.Join(",", Mix.Select(m => m.Probability)), "non-negative values summing to 1");
        foreach (var m in Mix)
            foreach (var t in m.Job.Tasks)
            {
                var row = soc.ExecutionTimesUs(t.Name);
                if (row is null)
                    throw new InvalidConfigException("task name", t.Name, $"a task listed in {soc.Name}", m.Job.Where(t.Id));
                if (row.All(double.IsPositiveInfinity))
                    throw new InvalidConfigException("task", t.Name, $"a task some PE of {soc.Name} can run (no PE left supports it)", m.Job.Where(t.Id));
            }
    }
}
