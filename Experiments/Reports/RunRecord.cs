using System.Text.Json;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Reports;

/// <summary>A finished run as its folder records it: its id (the folder name), the folder, and its <c>run.json</c>.</summary>
public sealed record RunRecord(string Id, string Directory, RunManifest Manifest)
{
    /// <summary>The run's reward formulation as configured; empty for the environment's default. Runs of one environment
    /// under different formulations are different tasks (their rewards do not compare), so tables keep them apart.</summary>
    public string Reward => Manifest.Reward ?? "";

    public string DatasetPath => Path.Combine(Directory, ExperimentRunner.DatasetFile);

    /// <summary>The run's setting apart from its seed: budget, then every hyperparameter, as <c>k=v;...</c>.</summary>
    public string Setting => string.Join(";", new[] { $"budget={Manifest.Budget}" }.Concat(Manifest.HyperParameters.Select(p => $"{p.Key}={p.Value}")));

    /// <summary>The run in a folder when its <c>run.json</c> says it completed; null when absent, unreadable or not complete.</summary>
    public static RunRecord? TryRead(string directory)
    {
        var path = Path.Combine(directory, ExperimentRunner.ManifestFile);
        if (!File.Exists(path)) return null;
        try
        {
            var manifest = RunManifest.FromJson(File.ReadAllText(path));
            return manifest.Status == "complete" ? new RunRecord(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), directory, manifest) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The complete runs under a folder: the run itself when it holds a <c>run.json</c>, else every
    /// complete run in its <c>runs/</c> subfolder (a sweep), in sweep order.
    /// </summary>
    public static IReadOnlyList<RunRecord> ReadFolder(string folder)
    {
        if (!System.IO.Directory.Exists(folder)) throw new UserInputException($"{folder}: folder not found");
        if (File.Exists(Path.Combine(folder, ExperimentRunner.ManifestFile)))
            return TryRead(folder) is { } single ? [single] : throw new UserInputException($"{folder}: run.json does not describe a complete run");
        var runs = Path.Combine(folder, SweepPlan.RunsFolder);
        if (!System.IO.Directory.Exists(runs)) throw new UserInputException($"{folder}: neither a run folder (run.json) nor a sweep folder (runs/)");
        return System.IO.Directory.GetDirectories(runs)
            .Select(d => (Index: RunIdentity.IndexOf(Path.GetFileName(d)), Dir: d))
            .Where(d => d.Index is not null)
            .OrderBy(d => d.Index).ThenBy(d => d.Dir, StringComparer.Ordinal)
            .Select(d => TryRead(d.Dir)).OfType<RunRecord>().ToArray();
    }
}
