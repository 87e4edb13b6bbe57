using ArchGym.Experiments.Cli;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>
/// The <c>slurm/</c> subfolder of a sweep folder: the batch scripts, <c>jobs.json</c> (every
/// submission), <c>probe</c> (a random token the scripts check, to tell a shared folder from a
/// node-local one), <c>seen/</c> (one empty file per array task that started and saw the folder) and
/// <c>logs/</c> (the tasks' output).
/// </summary>
public sealed class SlurmLayout(string sweepDirectory)
{
    public string SweepDirectory { get; } = Path.GetFullPath(sweepDirectory);

    public string Directory => Path.Combine(SweepDirectory, "slurm");

    public string JobsPath => Path.Combine(Directory, "jobs.json");

    public string ProbePath => Path.Combine(Directory, "probe");

    public string SeenDirectory => Path.Combine(Directory, "seen");

    public string LogsDirectory => Path.Combine(Directory, "logs");

    public string ArrayScriptPath => Path.Combine(Directory, SbatchScript.ArrayFile);

    public string MergeScriptPath => Path.Combine(Directory, SbatchScript.MergeFile);

    /// <summary>Creates the subfolders and, once, the probe token.</summary>
    public void Prepare()
    {
        System.IO.Directory.CreateDirectory(SeenDirectory);
        System.IO.Directory.CreateDirectory(LogsDirectory);
        if (!File.Exists(ProbePath)) AtomicFile.Write(ProbePath, w => w.Write(Guid.NewGuid().ToString("N")));
    }

    public string ReadProbe() => File.ReadAllText(ProbePath).Trim();

    /// <summary>Whether any task of the array job started and saw the folder (left its seen/ file).</summary>
    public bool AnyTaskSeen(string arrayJobId) =>
        System.IO.Directory.Exists(SeenDirectory) && System.IO.Directory.EnumerateFiles(SeenDirectory, arrayJobId + "_*").Any();
}
