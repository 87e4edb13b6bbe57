using System.Diagnostics;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>
/// Without Slurm: shards run by hand into one folder merge to the local result, the merge refuses
/// (and writes nothing) while a shard is missing, --status counts from the run folders, and --slurm
/// on a machine without sbatch is one line naming the cause, leaving no folder behind.
/// </summary>
public class ShardByHandTests
{
    private const string Sweep = """
        name: by-hand
        env:
          id: synthetic-v0
          options: {function: levels}
          targets: {loss: 12}
        agents:
          - name: random_walk
            grid: {moves: [1, 3], restart_probability: [0, 0.2]}
          - name: random_search
        seeds: [1, 2]
        budget: 40
        """;

    private const int Planned = 5 * 2;

    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = ArchGymProcess.TempDir();
        File.WriteAllText(Path.Combine(_dir, "sweep.yaml"), Sweep);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private ArchGymProcess.Result Archgym(params string[] args) => ArchGymProcess.Run(_dir, args);

    [Test]
    public void ShardsRunByHandMergeToTheLocalResultAndAPartialMergeIsRefused()
    {
        Assert.That(Archgym("sweep", "sweep.yaml", "--output", "local", "--quiet").ExitCode, Is.Zero);
        var first = Archgym("sweep", "sweep.yaml", "--output", "shared", "--shard", "0/3", "--quiet");
        var second = Archgym("sweep", "sweep.yaml", "--output", "shared", "--shard", "2/3");
        var partial = Archgym("sweep", "--merge", "shared");
        var status = Archgym("sweep", "--status", "shared");
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.StdErr);
            Assert.That(second.ExitCode, Is.Zero, second.StdErr);
            Assert.That(second.StdOut, Does.Contain("shard 2/3: 3 runs, 0 done before, 3 now"));
            Assert.That(partial.ExitCode, Is.EqualTo(2));
            Assert.That(partial.StdErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), partial.StdErr);
            Assert.That(partial.StdErr, Does.Contain("3 of 10 runs are not done").And.Contain("not written"));
            Assert.That(File.Exists(Path.Combine(_dir, "shared", "sweep.csv")), Is.False);
            Assert.That(File.Exists(Path.Combine(_dir, "shared", "lottery.csv")), Is.False);
            Assert.That(status.StdOut, Does.Contain("10 runs: 7 done, 0 running, 0 queued, 0 failed, 3 not submitted"), status.StdOut + status.StdErr);
        });

        var last = Archgym("sweep", "shared", "--shard", "1/3", "--quiet");
        var again = Archgym("sweep", "sweep.yaml", "--output", "shared", "--shard", "1/3", "--quiet");
        var merge = Archgym("sweep", "--merge", "shared", "--quiet");
        Assert.Multiple(() =>
        {
            Assert.That(last.ExitCode, Is.Zero, last.StdErr);
            Assert.That(again.ExitCode, Is.Zero, "a shard run again finds its runs done");
            Assert.That(merge.ExitCode, Is.Zero, merge.StdErr);
            Assert.That(Directory.GetDirectories(Path.Combine(_dir, "shared", "runs")), Has.Length.EqualTo(Planned));
            Assert.That(Cli.SweepCommandTests.WithoutColumn(Path.Combine(_dir, "shared", "sweep.csv"), "wall_seconds"),
                Is.EqualTo(Cli.SweepCommandTests.WithoutColumn(Path.Combine(_dir, "local", "sweep.csv"), "wall_seconds")));
            Assert.That(File.ReadAllText(Path.Combine(_dir, "shared", "lottery.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "local", "lottery.csv"))));
        });
    }

    [Test]
    public void AShardOfAnotherSweepIsRefusedInAFolderHoldingOne()
    {
        Assert.That(Archgym("sweep", "sweep.yaml", "--output", "shared", "--shard", "0/2", "--quiet").ExitCode, Is.Zero);
        File.WriteAllText(Path.Combine(_dir, "other.yaml"), Sweep.Replace("budget: 40", "budget: 41", StringComparison.Ordinal));
        var r = Archgym("sweep", "other.yaml", "--output", "shared", "--shard", "1/2");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2));
            Assert.That(r.StdErr, Does.Contain("holds a different sweep"));
        });
    }

    [TestCase("--shard", "2/2")]
    [TestCase("--partition", "debug")]
    public void BadShardOrSlurmOptionsWithoutSlurmAreOneLineExit2(string option, string value)
    {
        var r = Archgym("sweep", "sweep.yaml", "--output", "x", option, value);
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2), r.StdErr);
            Assert.That(r.StdErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.StdErr);
            Assert.That(r.StdErr, Does.Contain(option));
            Assert.That(Directory.Exists(Path.Combine(_dir, "x")), Is.False);
        });
    }

    [Test]
    public void SlurmOnAMachineWithoutSbatchNamesTheCauseAndLeavesNoFolder()
    {
        // dotnet by its full path, and a PATH where no Slurm command is found.
        var dotnet = SlurmCluster.OnPath("dotnet") ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        Assert.That(dotnet, Is.Not.Null, "dotnet found");
        var psi = new ProcessStartInfo(dotnet!) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "archgym.dll"), "sweep", "sweep.yaml", "--output", "out", "--slurm" }) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = Path.Combine(_dir, "empty-bin");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Multiple(() =>
        {
            Assert.That(p.ExitCode, Is.EqualTo(2), stderr + stdout.Result);
            Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain("sbatch not found").And.Contain("Slurm is not installed"));
            Assert.That(Directory.Exists(Path.Combine(_dir, "out")), Is.False);
        });
    }
}
