using System.Text.RegularExpressions;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Runner.Slurm;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>
/// Sweeps through a real Slurm cluster (see <see cref="SlurmCluster"/>): the merged result equals the
/// local run's, a cancelled array task is recovered by --resume --slurm with no run lost or doubled,
/// and a job sbatch rejects is one clear line. The array tasks run the archgym built next to the tests.
/// </summary>
[NonParallelizable]
public class SlurmClusterTests
{
    private const string Sweep = """
        name: on-slurm
        env:
          id: synthetic-v0
          options: {function: levels, dimensions: 6}
          targets: {loss: 12}
        agents:
          - name: random_walk
            grid: {moves: [1, 2]}
          - name: random_search
        seeds: [1, 2]
        budget: 200
        """;

    private const int Planned = 3 * 2;
    private const int Shards = 3; // two runs per array task: fewer task start-ups keep the test short
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private string _dir = "";
    private string? _noCluster;

    [OneTimeSetUp]
    public void FindCluster() => _noCluster = SlurmCluster.Probe();

    [SetUp]
    public void SetUp()
    {
        SlurmCluster.Require(_noCluster);
        _dir = ArchGymProcess.TempDir();
        File.WriteAllText(Path.Combine(_dir, "sweep.yaml"), Sweep);
    }

    [TearDown]
    public void TearDown()
    {
        if (_dir.Length > 0) Directory.Delete(_dir, recursive: true);
    }

    private string Folder(string name) => Path.Combine(_dir, name);

    private ArchGymProcess.Result Archgym(params string[] args) => ArchGymProcess.Run(_dir, args);

    private void AssertEqualsLocal(string folder)
    {
        var local = Archgym("sweep", "sweep.yaml", "--output", "local", "--quiet");
        Assert.That(local.ExitCode, Is.Zero, local.StdErr);
        var ids = File.ReadAllLines(Path.Combine(Folder(folder), "sweep.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var runFolders = Directory.GetDirectories(Path.Combine(Folder(folder), "runs")).Select(Path.GetFileName).Order().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Length.EqualTo(Planned).And.Unique);
            Assert.That(ids, Is.EqualTo(runFolders), "one run folder per row, none extra");
            Assert.That(Cli.SweepCommandTests.WithoutColumn(Path.Combine(Folder(folder), "sweep.csv"), "wall_seconds"),
                Is.EqualTo(Cli.SweepCommandTests.WithoutColumn(Path.Combine(Folder("local"), "sweep.csv"), "wall_seconds")));
            Assert.That(File.ReadAllText(Path.Combine(Folder(folder), "lottery.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(Folder("local"), "lottery.csv"))));
        });
    }

    [Test]
    public void ASweepThroughSlurmMergesToTheLocalResult()
    {
        var submit = Archgym("sweep", "sweep.yaml", "--output", "cluster", "--slurm", "--max-parallel", "2", "--shards", "3");
        Assert.That(submit.ExitCode, Is.Zero, submit.StdErr);
        Assert.That(submit.StdOut, Does.Contain($"{Shards} tasks of {Shards} shards, {Planned} runs to do"));
        Assert.That(File.ReadAllText(Path.Combine(Folder("cluster"), "slurm", "array.sbatch")), Does.Contain($"#SBATCH --array=0-{Shards - 1}%2"));

        SlurmCluster.WaitForJobs(Folder("cluster"), Timeout);
        var status = Archgym("sweep", "--status", "cluster");
        Assert.That(status.StdOut, Does.Contain($"{Planned} runs: {Planned} done, 0 running, 0 queued, 0 failed").And.Contain("merged:"), status.StdOut + status.StdErr);
        AssertEqualsLocal("cluster");
    }

    [Test]
    public void ACancelledArrayTaskIsResubmittedByResumeWithNoRunLostOrDoubled()
    {
        var submit = Archgym("sweep", "sweep.yaml", "--output", "cluster", "--slurm", "--max-parallel", "1", "--shards", "3");
        Assert.That(submit.ExitCode, Is.Zero, submit.StdErr);
        var jobs = SlurmJobs.TryRead(new SlurmLayout(Folder("cluster")).JobsPath)!;
        var array = jobs.Submissions.Single().ArrayJob;
        // One task at a time: the last one is still pending now; cancel it, and the first task as soon as it runs.
        Assert.That(SlurmCluster.Run("scancel", $"{array}_{Shards - 1}").Code, Is.Zero);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!new SlurmClient().Queue().Any(t => t.ArrayJobId == array && t.TaskIndex == 0 && t.IsRunning) && clock.Elapsed < Timeout) Thread.Sleep(50);
        SlurmCluster.Run("scancel", $"{array}_0");

        SlurmCluster.WaitForJobs(Folder("cluster"), Timeout);
        var missing = RunsNotDone("cluster");
        Assert.That(missing, Is.Not.Empty, "the cancelled tasks' runs are missing");
        Assert.That(File.Exists(Path.Combine(Folder("cluster"), "sweep.csv")), Is.False, "the merge job refused to report a partial sweep");
        var status = Archgym("sweep", "--status", "cluster");
        Assert.That(status.StdOut, Does.Contain($"{missing.Count} failed"), status.StdOut + status.StdErr);

        var resume = Archgym("sweep", "--resume", "--slurm", "cluster");
        Assert.That(resume.ExitCode, Is.Zero, resume.StdErr);
        var shards = missing.Select(r => Shard.Of(r, Shards)).Distinct().ToArray();
        var resubmitted = Regex.Match(File.ReadAllText(Path.Combine(Folder("cluster"), "slurm", "array.sbatch")), "#SBATCH --array=([0-9,-]*)").Groups[1].Value;
        Assert.That(resubmitted, Is.EqualTo(SbatchScript.ArraySpec(shards)), "only the shards with missing runs");

        SlurmCluster.WaitForJobs(Folder("cluster"), Timeout);
        Assert.That(RunsNotDone("cluster"), Is.Empty);
        AssertEqualsLocal("cluster");
    }

    [Test]
    public void AJobSbatchRejectsIsOneLineNamingTheCauseAndNothingIsSubmitted()
    {
        var r = Archgym("sweep", "sweep.yaml", "--output", "cluster", "--slurm", "--partition", "no-such-partition");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2), r.StdErr);
            Assert.That(r.StdErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.StdErr);
            Assert.That(r.StdErr, Does.Contain("sbatch rejected").And.Contain("partition").And.Contain("nothing was submitted"));
            Assert.That(File.Exists(new SlurmLayout(Folder("cluster")).JobsPath), Is.False);
        });
    }

    [Test]
    public void AFolderTheNodeDoesNotShareFailsEveryTaskAndNothingIsMerged()
    {
        // Held at submission, then the probe is changed: the node now sees another folder than the one submitted.
        var submit = Archgym("sweep", "sweep.yaml", "--output", "cluster", "--slurm", "--shards", "2", "--sbatch-arg=--hold");
        Assert.That(submit.ExitCode, Is.Zero, submit.StdErr);
        var layout = new SlurmLayout(Folder("cluster"));
        File.WriteAllText(layout.ProbePath, "another machine's folder");
        var s = SlurmJobs.TryRead(layout.JobsPath)!.Submissions.Single();
        Assert.That(SlurmCluster.Run("scontrol", "release", s.ArrayJob, s.MergeJob!).Code, Is.Zero);

        SlurmCluster.WaitForJobs(Folder("cluster"), Timeout);
        var status = Archgym("sweep", "--status", "cluster");
        var merge = Archgym("sweep", "--merge", "cluster");
        var log = File.ReadAllText(Directory.GetFiles(layout.LogsDirectory, "array-*_0.out").Single());
        Assert.Multiple(() =>
        {
            Assert.That(log, Does.Contain("is not shared with node"));
            Assert.That(status.StdOut, Does.Contain($"{Planned} failed").And.Contain("not on a file system shared"), status.StdOut);
            Assert.That(merge.ExitCode, Is.EqualTo(2));
            Assert.That(merge.StdErr, Does.Contain($"{Planned} of {Planned} runs are not done").And.Contain("not on a file system shared"));
            Assert.That(File.Exists(Path.Combine(Folder("cluster"), "sweep.csv")), Is.False);
        });
    }

    /// <summary>The planned runs whose folder holds no complete run.json, in sweep order.</summary>
    private IReadOnlyList<SweepRun> RunsNotDone(string folder)
    {
        var config = SweepConfigLoader.Parse(Sweep, Path.Combine(_dir, "sweep.yaml")) with { OutputDirectory = Folder(folder) };
        return new SweepFolder(SweepPlanner.Plan(config, DefaultRegistries.Create())).Pending();
    }
}
