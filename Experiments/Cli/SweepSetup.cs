using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Cli;

/// <summary>A sweep loaded and planned for a command: its file text, the registries, the plan and the folder.</summary>
public sealed record SweepSetup(string FileText, DefaultRegistries Registries, SweepPlan Plan, SweepFolder Folder)
{
    /// <summary>
    /// Loads a sweep file, or the copy in a sweep folder (then the folder is the output), applies
    /// <paramref name="output"/> and <paramref name="parallelRuns"/>, and plans it (every check before any run).
    /// </summary>
    public static SweepSetup Load(string fileOrFolder, string? output, int? parallelRuns = null)
    {
        var config = SweepConfigLoader.Load(fileOrFolder);
        if (Directory.Exists(fileOrFolder))
        {
            if (output is not null) throw new UserInputException($"--output {output}: not allowed with a sweep folder (the folder is the output)");
            config = config with { OutputDirectory = fileOrFolder };
        }

        if (output is not null) config = config with { OutputDirectory = output };
        if (parallelRuns is { } p)
        {
            if (p is < 1 or > 1024) throw new UserInputException($"--parallel-runs {p}: allowed: a whole number from 1 to 1024");
            config = config with { ParallelRuns = p };
        }

        var registries = DefaultRegistries.Create();
        var plan = SweepPlanner.Plan(config, registries);
        return new SweepSetup(File.ReadAllText(config.SourceFile), registries, plan, new SweepFolder(plan));
    }

    /// <summary>A folder that must already hold a sweep (for --merge and --status).</summary>
    public static SweepSetup LoadFolder(string folder, string option)
    {
        if (!Directory.Exists(folder)) throw new UserInputException($"{option} {folder}: folder not found");
        if (!File.Exists(Path.Combine(folder, SweepConfigLoader.SnapshotFile)))
            throw new UserInputException($"{option} {folder}: not a sweep folder (no {SweepConfigLoader.SnapshotFile} in it)");
        return Load(folder, null);
    }
}
