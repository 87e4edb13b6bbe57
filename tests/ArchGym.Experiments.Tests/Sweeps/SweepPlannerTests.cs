using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Tests.Sweeps;

/// <summary>Expansion of a sweep into runs (order, ids, settings, samples) and the checks made before any run starts.</summary>
public class SweepPlannerTests
{
    private const string Grid = """
        name: g
        env:
          id: synthetic-v0
          options: {function: levels}
          targets: {loss: 10}
        agents:
          - name: random_walk
            hyperparameters: {greedy: true}
            grid:
              moves: [1, 2, 3]
              restart_probability: [0, 0.10]
          - name: random_search
        seeds: [1, 2, 3]
        budget: [20, 40]
        output: out/g
        """;

    private static SweepPlan Plan(string yaml, string file = "s.yaml") =>
        SweepPlanner.Plan(SweepConfigLoader.Parse(yaml, file), DefaultRegistries.Create());

    private static string Error(string yaml) =>
        Assert.Throws<UserInputException>(() => Plan(yaml))!.Message;

    [Test]
    public void EveryCombinationIsOneRunInSweepOrder()
    {
        var runs = Plan(Grid).Runs;
        Assert.Multiple(() =>
        {
            Assert.That(runs, Has.Count.EqualTo(6 * 2 * 3 + 1 * 2 * 3));
            Assert.That(runs.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, runs.Count)));
            Assert.That(runs.Take(7).Select(r => r.Config.Seed), Is.EqualTo(new[] { 1, 2, 3, 1, 2, 3, 1 }), "the seed varies fastest");
            Assert.That(runs.Take(7).Select(r => r.Config.Budget), Is.EqualTo(new[] { 20, 20, 20, 40, 40, 40, 20 }), "then the budget");
            Assert.That(runs[6].Config.Agent.HyperParameters["restart_probability"], Is.EqualTo("0.1"), "then the last grid axis");
            Assert.That(runs[12].Config.Agent.HyperParameters["moves"], Is.EqualTo("2"));
            Assert.That(runs[^1].Config.Agent.Name, Is.EqualTo("random_search"));
            Assert.That(runs.All(r => r.Config.Parallelism == 1), "one evaluation worker per run");
            Assert.That(runs[0].Environment, Is.EqualTo("synthetic-v0"));
            Assert.That(runs[0].Workload, Is.EqualTo("levels"));
        });
    }

    [Test]
    public void SettingsHoldEveryHyperparameterAsCanonicalText()
    {
        var hp = Plan(Grid).Runs[6].Config.Agent.HyperParameters;
        Assert.That(hp, Is.EqualTo(new Dictionary<string, string> { ["moves"] = "1", ["restart_probability"] = "0.1", ["greedy"] = "true" }));
    }

    [Test]
    public void RunIdsAreIndexPlusHashStableAndIndependentOfTheOutputFolder()
    {
        var a = Plan(Grid).Runs;
        var b = Plan(Grid.Replace("output: out/g", "output: elsewhere")).Runs;
        var changed = Plan(Grid.Replace("greedy: true", "greedy: false")).Runs;
        Assert.Multiple(() =>
        {
            Assert.That(a.Select(r => r.Id), Is.EqualTo(b.Select(r => r.Id)));
            Assert.That(a.Select(r => r.Id).Distinct().Count(), Is.EqualTo(a.Count));
            Assert.That(a[0].Id, Does.Match("^00000-[0-9a-f]{8}$"));
            Assert.That(a[0].Config.OutputDirectory, Does.EndWith(Path.Combine("out", "g", "runs", a[0].Id)));
            Assert.That(changed[0].Id, Is.Not.EqualTo(a[0].Id), "a changed hyperparameter changes the id");
            Assert.That(changed[^1].Id, Is.EqualTo(a[^1].Id), "runs whose settings did not change keep their ids");
        });
    }

    [Test]
    public void RunsShareACacheOnlyWithTheSameEnvironmentAndSeed()
    {
        var runs = Plan(Grid).Runs;
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.CacheKey).Distinct().Count(), Is.EqualTo(3), "one per seed");
            Assert.That(runs[0].CacheKey, Is.EqualTo(runs[3].CacheKey));
            Assert.That(runs[0].CacheKey, Is.Not.EqualTo(runs[1].CacheKey));
            Assert.That(Plan(Grid + "\nshare_evaluations: false\n").Runs.All(r => r.CacheKey is null));
        });
    }

    private const string Sampled = """
        env: {id: synthetic-v0}
        agent:
          name: random_walk
          sample: {count: 8, seed: 4, hyperparameters: [moves, restart_probability]}
        seeds: 1
        budget: 5
        """;

    [Test]
    public void ASampleIsDistinctSeededAndRepeatable()
    {
        string Settings(string yaml) => string.Join("|", Plan(yaml).Runs.Select(r => string.Join(",", r.Config.Agent.HyperParameters.Values)));
        var a = Plan(Sampled).Runs;
        var again = Settings(Sampled);
        Assert.Multiple(() =>
        {
            Assert.That(a, Has.Count.EqualTo(8));
            Assert.That(a.Select(r => r.Config.Agent.HyperParameters["moves"] + r.Config.Agent.HyperParameters["restart_probability"]).Distinct().Count(), Is.EqualTo(8));
            Assert.That(a.All(r => r.Config.Agent.HyperParameters["greedy"] == "false"), "the unsampled hyperparameter keeps its default");
            Assert.That(again, Is.EqualTo(Settings(Sampled)));
            Assert.That(Settings(Sampled.Replace("seed: 4", "seed: 5")), Is.Not.EqualTo(Settings(Sampled)));
        });
    }

    [Test]
    public void ASampleFromListedValuesCannotAskForMoreThanThereAre()
    {
        var e = Error("env: {id: synthetic-v0}\nagent: {name: random_walk, sample: {count: 3, hyperparameters: {moves: [1, 2]}}}\nseeds: 1\nbudget: 5\n");
        Assert.That(e, Does.Contain("s.yaml:2: agent.sample.count: 3 is more than the 2 distinct settings"));
    }

    [TestCase("env: {id: warp-v9}\nagent: {name: random_walk}\nseeds: 1\nbudget: 5\n", "s.yaml:1: env.id: unknown environment 'warp-v9'; allowed: ")]
    [TestCase("env: {id: synthetic-v0}\nagents:\n  - name: random_walk\n  - name: oracle\nseeds: 1\nbudget: 5\n", "s.yaml:4: agents[1].name: unknown agent 'oracle'; allowed: ")]
    [TestCase("env: {id: synthetic-v0}\nagent:\n  name: random_walk\n  grid:\n    moves: [1]\n    temperature: [3]\nseeds: 1\nbudget: 5\n", "s.yaml:6: agent.grid.temperature: unknown hyperparameter; allowed: moves, restart_probability, greedy")]
    [TestCase("env: {id: synthetic-v0}\nagent:\n  name: random_walk\n  grid:\n    moves:\n      - 1\n      - 99\nseeds: 1\nbudget: 5\n", "s.yaml:7: agent.grid.moves: '99' is not allowed; allowed: a whole number from 1 to 16")]
    [TestCase("env: {id: synthetic-v0}\nagent: {name: random_walk, hyperparameters: {greedy: maybe}}\nseeds: 1\nbudget: 5\n", "s.yaml:2: agent.hyperparameters.greedy: 'maybe' is not allowed; allowed: one of false, true")]
    [TestCase("env: {id: synthetic-v0}\nagent: {name: random_walk, grid: {restart_probability: [0.1, 0.10]}}\nseeds: 1\nbudget: 5\n", "s.yaml:2: agent.grid.restart_probability: '0.10' is listed twice")]
    [TestCase("env: {id: synthetic-v0}\nagent: {name: random_walk, sample: {count: 2, hyperparameters: [speed]}}\nseeds: 1\nbudget: 5\n", "s.yaml:2: agent.sample.hyperparameters.speed: unknown hyperparameter")]
    [TestCase("env: {id: synthetic-v0}\nworkloads: [alexnet]\nagent: {name: random_walk}\nseeds: 1\nbudget: 5\n", "s.yaml:2: workloads: synthetic-v0 has no 'workload' option")]
    [TestCase("env: {id: synthetic-v0, options: {fnction: levels}}\nagent: {name: random_walk}\nseeds: 1\nbudget: 5\n", "s.yaml:1: env: env.options.fnction: unknown option for synthetic-v0; allowed: function")]
    [TestCase("env: {id: synthetic-v0, targets: {speed: 1}}\nagent: {name: random_walk}\nseeds: 1\nbudget: 5\n", "s.yaml:1: env: env (synthetic-v0):")]
    public void BadNamesAndValuesNameFileLineFieldAndWhatIsAllowed(string yaml, string expected) =>
        Assert.That(Error(yaml), Does.Contain(expected));

    [Test]
    public void NamesAreCheckedBeforeAnyEnvironmentIsMade()
    {
        // The workload is wrong too, but making the environment would be the slow step: the agent's mistake is found first.
        var e = Error("env: {id: systolic-v0}\nworkloads: [vgg99]\nagent: {name: random_walk, grid: {temperature: [1]}}\nseeds: 1\nbudget: 5\n");
        Assert.That(e, Does.Contain("agent.grid.temperature: unknown hyperparameter"));
    }

    [Test]
    public void AWrongWorkloadNamesItsLine()
    {
        var e = Error("env: {id: systolic-v0}\nworkloads:\n  - vgg99\nagent: {name: random_walk}\nseeds: 1\nbudget: 5\n");
        Assert.That(e, Does.Contain("s.yaml:3: workloads[0] (vgg99) of env:").And.Contain("resnet18"));
    }

    [Test]
    public void DefaultTargetsAreResolvedOnceAndGivenToEveryRun()
    {
        var plan = Plan("env: {id: systolic-v0}\nworkloads: [alexnet]\nagent: {name: random_search}\nseeds: [1, 2]\nbudget: 5\n");
        var targets = plan.Runs[0].Config.Environment.Targets;
        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[] { "latency_cycles", "energy_uj", "area_mm2" }));
            Assert.That(plan.Runs[1].Config.Environment.Targets, Is.EqualTo(targets));
            Assert.That(plan.Runs[0].Config.Environment.Options["workload"], Is.EqualTo("alexnet"));
            Assert.That(plan.Runs[0].Workload, Is.EqualTo("alexnet"));
            Assert.That(plan.MetricNames, Is.EqualTo(new[] { "latency_cycles", "energy_uj", "area_mm2", "utilization_pct" }));
        });
    }
}
