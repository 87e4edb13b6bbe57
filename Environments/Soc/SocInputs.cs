using System.Globalization;
using System.Text.RegularExpressions;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Environments.Soc;

/// <summary>
/// Resolves the SoC and job names users write (options, command line): an existing file is read (errors name
/// file:line), anything that looks like a path but does not exist is "not found", else the built-in catalogs
/// (<see cref="SocCatalog"/>, <see cref="JobCatalog"/> with DS3's aliases such as WiFi_TX).
/// </summary>
public static partial class SocInputs
{
    public static SocPlatform Platform(string nameOrFile)
    {
        if (File.Exists(nameOrFile)) return SocResourceReader.Read(nameOrFile);
        if (LooksLikePath(nameOrFile)) throw new InvalidConfigException("SoC file", nameOrFile, "an existing DS3 SoC.*.txt file (not found) or one of " + string.Join(", ", SocCatalog.Names));
        return SocCatalog.Get(nameOrFile);
    }

    public static JobGraph Job(string nameOrFile)
    {
        if (File.Exists(nameOrFile)) return JobFileReader.Read(nameOrFile);
        if (LooksLikePath(nameOrFile)) throw new InvalidConfigException("job file", nameOrFile, "an existing DS3 job_*.txt file (not found) or one of " + string.Join(", ", JobCatalog.Names));
        return JobCatalog.Get(nameOrFile);
    }

    /// <summary>Jobs with one probability each (same order); probabilities must be non-negative and sum to 1.</summary>
    public static SocWorkload Mix(IReadOnlyList<string> jobs, IReadOnlyList<double> probabilities)
    {
        if (jobs.Count == 0) throw new InvalidConfigException("jobs", "none", "at least one job name or file");
        if (probabilities.Count != jobs.Count)
            throw new InvalidConfigException("job probabilities", Join(probabilities), $"one probability per job ({jobs.Count} jobs: {string.Join(", ", jobs)})");
        if (probabilities.Any(p => !(p >= 0 && double.IsFinite(p))) || Math.Abs(probabilities.Sum() - 1) > 1e-6)
            throw new InvalidConfigException("job probabilities", Join(probabilities), "non-negative numbers summing to 1");
        return new SocWorkload(jobs.Select((j, i) => new JobMixEntry(Job(j), probabilities[i])).ToArray());
    }

    /// <summary>
    /// Parses a job mix such as <c>WiFi_TX 0.8 / WiFi_RX 0.2</c> or <c>jobs/job_a.txt=0.5, job_b.txt=0.5</c>: entries
    /// separated by ',', ';' or a '/' with spaces around it; each entry a job name or file and its probability,
    /// separated by a space, ':' or '='.
    /// </summary>
    public static SocWorkload ParseMix(string text)
    {
        var names = new List<string>();
        var probabilities = new List<double>();
        foreach (var entry in EntrySeparator().Split(text).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var cut = entry.LastIndexOfAny([' ', '\t', ':', '=']);
            if (cut <= 0 || !double.TryParse(entry[(cut + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                throw new InvalidConfigException("job mix entry", entry, "'<job name or file> <probability>', e.g. 'WiFi_TX 0.8 / WiFi_RX 0.2'");
            names.Add(entry[..cut].Trim());
            probabilities.Add(p);
        }
        return Mix(names, probabilities);
    }

    private static bool LooksLikePath(string text) =>
        text.Contains('/') && !text.StartsWith("DS3Gym/", StringComparison.OrdinalIgnoreCase) || text.Contains('\\');

    private static string Join(IReadOnlyList<double> values) => string.Join(" ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"[,;]|\s+/\s+")]
    private static partial Regex EntrySeparator();
}
