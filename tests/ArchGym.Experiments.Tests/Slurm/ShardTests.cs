using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>Shards i/n of a sweep partition its runs: each run in exactly one shard, shards about equal, bad text refused.</summary>
public class ShardTests
{
    public const string Yaml = """
        name: shards
        env:
          id: synthetic-v0
          options: {function: levels}
        agents:
          - name: random_walk
            grid: {moves: [1, 2, 3]}
          - name: random_search
        seeds: [1, 2, 3]
        budget: [5, 7]
        """;

    public static SweepPlan Plan(string output = "out") =>
        SweepPlanner.Plan(SweepConfigLoader.Parse(Yaml, "s.yaml") with { OutputDirectory = output }, DefaultRegistries.Create());

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(24)]
    [TestCase(40)]
    public void TheShardsOfASweepHoldEachRunExactlyOnce(int n)
    {
        var runs = Plan().Runs;
        var shards = Enumerable.Range(0, n).Select(i => Shard.Parse($"{i}/{n}", "--shard").Select(runs)).ToArray();
        var all = shards.SelectMany(s => s).Select(r => r.Id).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(runs, Has.Count.EqualTo(24));
            Assert.That(all, Is.Unique);
            Assert.That(all.Order(), Is.EqualTo(runs.Select(r => r.Id).Order()));
            Assert.That(shards.Max(s => s.Count) - shards.Min(s => s.Count), Is.LessThanOrEqualTo(1), "shards differ by at most one run");
        });
    }

    [TestCase("3/3")]
    [TestCase("-1/3")]
    [TestCase("1/0")]
    [TestCase("1")]
    [TestCase("a/b")]
    [TestCase("1/2/3")]
    public void BadShardTextNamesTheOptionAndTheForm(string text)
    {
        var e = Assert.Throws<UserInputException>(() => Shard.Parse(text, "--shard"))!;
        Assert.That(e.Message, Does.StartWith($"--shard {text}:").And.Contain("0 <= i < n"));
    }
}
