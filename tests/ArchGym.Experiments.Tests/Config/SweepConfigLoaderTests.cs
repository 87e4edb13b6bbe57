using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Tests.Config;

public class SweepConfigLoaderTests
{
    private const string Full = """
        name: demo
        environments:
          - id: systolic-v0
            options: {bandwidth_mode: user}
            reward: relu_excess
          - id: synthetic-v0
        workloads: [alexnet, resnet18]
        agents:
          - name: aco
            hyperparameters: {depth: 4}
            grid:
              ant_count: [2, 4, 8]
              evaporation: [0.1, 0.5]
          - name: random_walk
            sample:
              count: 5
              seed: 9
              hyperparameters: [moves, restart_probability]
        seeds: {from: 1, to: 3}
        budget: [16, 32]
        batch: 2
        parallel_runs: 3
        share_evaluations: false
        output: out/demo
        """;

    [Test]
    public void ParsesEveryField()
    {
        var c = SweepConfigLoader.Parse(Full, "s.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(c.Name, Is.EqualTo("demo"));
            Assert.That(c.Environments.Select(e => e.Section.Id), Is.EqualTo(new[] { "systolic-v0", "synthetic-v0" }));
            Assert.That(c.Environments[0].Section.Options["bandwidth_mode"], Is.EqualTo("user"));
            Assert.That(c.Environments[0].Section.Reward, Is.EqualTo("relu_excess"));
            Assert.That(c.Environments[1].Field, Is.EqualTo("environments[1]"));
            Assert.That(c.Workloads.Select(w => w.Value), Is.EqualTo(new[] { "alexnet", "resnet18" }));
            Assert.That(c.Workloads[0].Line, Is.EqualTo(7));
            Assert.That(c.Agents[0].Name, Is.EqualTo("aco"));
            Assert.That(c.Agents[0].Line, Is.EqualTo(9));
            Assert.That(c.Agents[0].Fixed.Single().Name, Is.EqualTo("depth"));
            Assert.That(c.Agents[0].Grid.Select(a => a.Name), Is.EqualTo(new[] { "ant_count", "evaporation" }));
            Assert.That(c.Agents[0].Grid[0].Values.Select(v => v.Value), Is.EqualTo(new[] { "2", "4", "8" }));
            Assert.That(c.Agents[0].Grid[1].Line, Is.EqualTo(13));
            Assert.That(c.Agents[1].Sample!.Count, Is.EqualTo(5));
            Assert.That(c.Agents[1].Sample!.Seed, Is.EqualTo(9));
            Assert.That(c.Agents[1].Sample!.Axes.Select(a => a.Name), Is.EqualTo(new[] { "moves", "restart_probability" }));
            Assert.That(c.Agents[1].Sample!.Axes.All(a => a.Values.Count == 0), "a list of names samples their declared domains");
            Assert.That(c.Seeds, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(c.Budgets, Is.EqualTo(new[] { 16, 32 }));
            Assert.That(c.BatchSize, Is.EqualTo(2));
            Assert.That(c.ParallelRuns, Is.EqualTo(3));
            Assert.That(c.ShareEvaluations, Is.False);
            Assert.That(c.OutputDirectory, Is.EqualTo("out/demo"));
        });
    }

    [Test]
    public void SingularShorthandsAndDefaults()
    {
        var c = SweepConfigLoader.Parse("env: {id: x}\nagent: {name: y}\nseeds: 4\nbudget: 10\n", "quick.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(c.Name, Is.EqualTo("quick"));
            Assert.That(c.Environments.Single().Field, Is.EqualTo("env"));
            Assert.That(c.Agents.Single().Field, Is.EqualTo("agent"));
            Assert.That(c.Agents[0].Grid, Is.Empty);
            Assert.That(c.Agents[0].Sample, Is.Null);
            Assert.That(c.Workloads, Is.Empty);
            Assert.That(c.Seeds, Is.EqualTo(new[] { 4 }));
            Assert.That(c.Budgets, Is.EqualTo(new[] { 10 }));
            Assert.That(c.ParallelRuns, Is.EqualTo(Environment.ProcessorCount));
            Assert.That(c.ShareEvaluations, Is.True);
            Assert.That(c.OutputDirectory, Is.EqualTo(Path.Combine("runs", "quick")));
        });
    }

    [Test]
    public void SampleValuesMayBeListedPerHyperparameter()
    {
        var c = SweepConfigLoader.Parse("env: {id: x}\nagent: {name: y, sample: {count: 2, hyperparameters: {moves: [1, 3]}}}\nseeds: 1\nbudget: 10\n", "s.yaml");
        Assert.That(c.Agents[0].Sample!.Axes.Single().Values.Select(v => v.Value), Is.EqualTo(new[] { "1", "3" }));
    }

    private const string Base = "env: {id: x}\nagent: {name: y}\nseeds: 1\nbudget: 10\n";

    [TestCase("env: {id: x}\nagent: {name: y}\nseeds: 1\nbudget: 10\nbugdet: 4\n", "s.yaml:5: bugdet: unknown key; allowed: name, env, environments")]
    [TestCase("env: {id: x}\nenvironments: [{id: z}]\nagent: {name: y}\nseeds: 1\nbudget: 10\n", "s.yaml:2: environments: give either env: or environments:")]
    [TestCase("agent: {name: y}\nseeds: 1\nbudget: 10\n", "environments: missing")]
    [TestCase("environments: {id: x}\nagent: {name: y}\nseeds: 1\nbudget: 10\n", "s.yaml:1: environments: expected a list")]
    [TestCase("env: {id: x}\nagent: {name: y}\nbudget: 10\n", "seeds: missing")]
    [TestCase("env: {id: x}\nagent: {name: y}\nseeds: [1, 1]\nbudget: 10\n", "s.yaml:3: seeds: seed 1 is listed twice")]
    [TestCase("env: {id: x}\nagent: {name: y}\nseeds: {from: 5, to: 2}\nbudget: 10\n", "s.yaml:3: seeds.to: '2' is not allowed")]
    [TestCase("env: {id: x}\nagent: {name: y}\nseeds: 1\nbudget: [10, lots]\n", "s.yaml:4: budget: 'lots' is not allowed")]
    [TestCase("env: {id: x}\nagent: {name: y, colour: red}\nseeds: 1\nbudget: 10\n", "s.yaml:2: agent.colour: unknown key; allowed: name, hyperparameters, grid, sample")]
    [TestCase("env: {id: x}\nagent: {name: y, grid: {a: []}}\nseeds: 1\nbudget: 10\n", "s.yaml:2: agent.grid.a: the list is empty")]
    [TestCase("env: {id: x}\nagent: {name: y, grid: {a: [1]}, sample: {count: 2}}\nseeds: 1\nbudget: 10\n", "agent.sample: give either grid: or sample:")]
    [TestCase("env: {id: x}\nagent: {name: y, hyperparameters: {a: 1}, grid: {a: [1, 2]}}\nseeds: 1\nbudget: 10\n", "hyperparameter 'a' is both fixed")]
    [TestCase("env: {id: x}\nagent: {name: y, sample: {seed: 2}}\nseeds: 1\nbudget: 10\n", "agent.sample.count: missing")]
    [TestCase("env: {id: x}\nagent: {name: y}\nseeds: 1\nbudget: 10\nparallel_runs: 0\n", "s.yaml:5: parallel_runs: '0' is not allowed")]
    [TestCase("env: {id: x}\nagent: {name: y}\nseeds: 1\nbudget: 10\nshare_evaluations: maybe\n", "share_evaluations: 'maybe' is not allowed; expected true or false")]
    [TestCase("env: {id: x\nagent: {name: y}\n", "s.yaml:")]
    [TestCase("", "the file is empty")]
    public void BadInputNamesFileLineAndField(string yaml, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => SweepConfigLoader.Parse(yaml, "s.yaml"));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void TheBaseOfTheBadInputCasesIsValid() => Assert.That(() => SweepConfigLoader.Parse(Base, "s.yaml"), Throws.Nothing);

    [Test]
    public void AFolderMeansItsSweepFileCopy()
    {
        var dir = Path.Combine(Path.GetTempPath(), "archgym-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, SweepConfigLoader.SnapshotFile), Base);
            Assert.That(SweepConfigLoader.Load(dir).SourceFile, Is.EqualTo(Path.Combine(dir, SweepConfigLoader.SnapshotFile)));
            var e = Assert.Throws<UserInputException>(() => SweepConfigLoader.Load(Path.Combine(dir, "none")));
            Assert.That(e!.Message, Does.Contain("file not found"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
