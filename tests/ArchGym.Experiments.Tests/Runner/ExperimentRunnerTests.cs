using ArchGym.Environments.Core.Wrappers;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Runner;

/// <summary>In-process runs on synthetic-v0: what run.json records about targets, and sharing a cache between runs.</summary>
public class ExperimentRunnerTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private ExperimentConfig Config(string output, double? lossTarget, int budget = 40, int seed = 3) => new(
        "t",
        new EnvironmentSection("synthetic-v0", new Dictionary<string, string> { ["function"] = "levels" }, null,
            lossTarget is { } t ? new Dictionary<string, double> { ["loss"] = t } : new Dictionary<string, double>()),
        new AgentSection("random_search", new Dictionary<string, string>()),
        budget, 1, 1, seed, Path.Combine(_dir, output), "t.yaml");

    private static RunManifest Manifest(RunOutcome outcome) =>
        RunManifest.FromJson(File.ReadAllText(Path.Combine(outcome.OutputDirectory, ExperimentRunner.ManifestFile)));

    [Test]
    public void RunJsonRoundTripsAndRecordsTheFirstEvaluationMeetingTheTargets()
    {
        var outcome = new ExperimentRunner(DefaultRegistries.Create()).Run(Config("a", 30), null, CancellationToken.None);
        var m = Manifest(outcome);
        var losses = File.ReadAllLines(Path.Combine(outcome.OutputDirectory, ExperimentRunner.DatasetFile)).Skip(1)
            .Select(l => double.Parse(l.Split(',')[7], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var first = losses.FindIndex(l => l <= 30);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.GreaterThanOrEqualTo(0), "the target is loose enough to be met within the budget");
            Assert.That(m.EvaluationsToTarget, Is.EqualTo(first + 1));
            Assert.That(m.ResolvedTargets, Is.EqualTo(new Dictionary<string, double> { ["loss"] = 30 }));
            Assert.That(m.Evaluations, Is.EqualTo(40));
            Assert.That(m.Best!.Reward, Is.EqualTo(outcome.Manifest.Best!.Reward));
            Assert.That(m.Best.Parameters, Is.EqualTo(outcome.Manifest.Best.Parameters));
        });
    }

    [Test]
    public void WithoutTargetsNothingIsReached()
    {
        var m = Manifest(new ExperimentRunner(DefaultRegistries.Create()).Run(Config("a", null), null, CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(m.EvaluationsToTarget, Is.Null);
            Assert.That(m.ResolvedTargets, Is.Empty);
        });
    }

    [Test]
    public void ASharedCacheChangesNoRowAndCountsOnlyThisRunsHits()
    {
        var runner = new ExperimentRunner(DefaultRegistries.Create());
        var alone = runner.Run(Config("alone", 30), null, CancellationToken.None);
        var shared = new EvaluationCache();
        runner.Run(Config("first", 30), null, CancellationToken.None, shared);
        var second = runner.Run(Config("second", 30), null, CancellationToken.None, shared);
        string Rows(RunOutcome o) => string.Join("\n", File.ReadAllLines(Path.Combine(o.OutputDirectory, ExperimentRunner.DatasetFile))
            .Select(l => l[..l.LastIndexOf(',')]));
        Assert.Multiple(() =>
        {
            Assert.That(Rows(second), Is.EqualTo(Rows(alone)));
            Assert.That(second.Manifest.CacheHits, Is.EqualTo(40), "every point of the repeat run was evaluated by the first run");
            Assert.That(alone.Manifest.CacheHits, Is.LessThan(40));
        });
    }
}
