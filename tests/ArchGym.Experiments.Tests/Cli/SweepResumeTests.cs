using System.Diagnostics;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary>
/// A sweep killed at any moment (Process.Kill of the whole tree, like kill -9) and resumed ends with
/// every run exactly once, with the same tables and datasets as a sweep run without interruption.
/// </summary>
public class SweepResumeTests
{
    private const string Sweep = """
        name: resumable
        env:
          id: synthetic-v0
          options: {function: levels, dimensions: 6}
          targets: {loss: 12}
        agents:
          - name: random_walk
            grid: {moves: [1, 2], restart_probability: [0, 0.05, 0.2]}
          - name: random_search
        seeds: [1, 2, 3]
        budget: 1500
        parallel_runs: 2
        """;

    private const int Planned = (6 + 1) * 3;

    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = ArchGymProcess.TempDir();
        File.WriteAllText(Path.Combine(_dir, "sweep.yaml"), Sweep);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private int DoneRuns(string output)
    {
        var runs = Path.Combine(_dir, output, "runs");
        return Directory.Exists(runs) ? Directory.GetDirectories(runs).Count(d => File.Exists(Path.Combine(d, "run.json"))) : 0;
    }

    /// <summary>Starts the sweep (or its resume) and kills the whole process tree once <paramref name="ready"/> holds; false when it ended first.</summary>
    private bool KillWhen(Func<bool> ready, params string[] args)
    {
        using var p = ArchGymProcess.Start(_dir, args);
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var guard = Stopwatch.StartNew();
        while (!ready() && !p.HasExited)
        {
            if (guard.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail("the sweep neither reached the kill point nor ended in 3 minutes");
            Thread.Sleep(5);
        }

        var killed = !p.HasExited;
        if (killed) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return killed;
    }

    [Test]
    public void KilledAtSeveralPointsAndResumedItEqualsAnUninterruptedSweep()
    {
        var reference = ArchGymProcess.Run(_dir, "sweep", "sweep.yaml", "--output", "reference", "--parallel-runs", "1", "--quiet");
        Assert.That(reference.ExitCode, Is.Zero, reference.StdErr);

        var kills = new List<(string Point, bool Killed, int Done)>
        {
            ("after the sweep file copy", KillWhen(() => File.Exists(Path.Combine(_dir, "out", "sweep.yaml")), "sweep", "sweep.yaml", "--output", "out", "--quiet"), DoneRuns("out")),
        };
        foreach (var (point, target) in new[] { ("3 runs done", 3), ("half done", Planned / 2), ("all but 2 done", Planned - 2) })
        {
            var killed = KillWhen(() => DoneRuns("out") >= target, "sweep", "--resume", "out", "--quiet");
            kills.Add((point, killed, DoneRuns("out")));
        }

        Assert.That(kills.Where(k => !k.Killed).Select(k => k.Point), Is.Empty, "every kill interrupted the sweep");
        Assert.That(kills.All(k => k.Done < Planned), Is.True, string.Join("; ", kills));
        Assert.That(File.Exists(Path.Combine(_dir, "out", "sweep.csv")), Is.False, "sweep.csv only appears once every run is done");

        var last = ArchGymProcess.Run(_dir, "sweep", "--resume", "out", "--quiet");
        Assert.That(last.ExitCode, Is.Zero, last.StdErr);

        var ids = File.ReadAllLines(Path.Combine(_dir, "out", "sweep.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var folders = Directory.GetDirectories(Path.Combine(_dir, "out", "runs")).Select(Path.GetFileName).Order().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Length.EqualTo(Planned));
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.EqualTo(folders));
            Assert.That(SweepCommandTests.WithoutColumn(Path.Combine(_dir, "out", "sweep.csv"), "wall_seconds"),
                Is.EqualTo(SweepCommandTests.WithoutColumn(Path.Combine(_dir, "reference", "sweep.csv"), "wall_seconds")));
            Assert.That(File.ReadAllText(Path.Combine(_dir, "out", "lottery.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "reference", "lottery.csv"))));
            foreach (var id in ids)
            {
                var dataset = Path.Combine("runs", id, "evaluations.csv");
                Assert.That(SweepCommandTests.WithoutColumn(Path.Combine(_dir, "out", dataset), "wall_ms"),
                    Is.EqualTo(SweepCommandTests.WithoutColumn(Path.Combine(_dir, "reference", dataset), "wall_ms")), dataset);
                Assert.That(File.Exists(Path.Combine(_dir, "out", dataset + ".partial")), Is.False, dataset);
            }
        });
    }
}
