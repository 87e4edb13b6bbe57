using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Tests.Config;

public class ExperimentConfigLoaderTests
{
    private const string Full = """
        name: demo
        env:
          id: systolic-v0
          options:
            workload: resnet18
          reward: relu_excess
          targets:
            latency_cycles: 1.5e6
        agent:
          name: random_walk
          hyperparameters:
            restart_probability: 0.1
        budget: 50
        batch: 4
        parallelism: 2
        seed: 7
        output: out/demo
        """;

    [Test]
    public void ParsesEveryField()
    {
        var c = ExperimentConfigLoader.Parse(Full, "demo.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(c.Name, Is.EqualTo("demo"));
            Assert.That(c.Environment.Id, Is.EqualTo("systolic-v0"));
            Assert.That(c.Environment.Options["workload"], Is.EqualTo("resnet18"));
            Assert.That(c.Environment.Reward, Is.EqualTo("relu_excess"));
            Assert.That(c.Environment.Targets["latency_cycles"], Is.EqualTo(1.5e6));
            Assert.That(c.Agent.Name, Is.EqualTo("random_walk"));
            Assert.That(c.Agent.HyperParameters["restart_probability"], Is.EqualTo("0.1"));
            Assert.That(c.Budget, Is.EqualTo(50));
            Assert.That(c.BatchSize, Is.EqualTo(4));
            Assert.That(c.Parallelism, Is.EqualTo(2));
            Assert.That(c.Seed, Is.EqualTo(7));
            Assert.That(c.OutputDirectory, Is.EqualTo("out/demo"));
        });
    }

    [Test]
    public void DefaultsApplyWhenOptionalFieldsAreMissing()
    {
        var c = ExperimentConfigLoader.Parse("env: {id: x}\nagent: {name: y}\nbudget: 3\n", "exp.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(c.Name, Is.EqualTo("exp"));
            Assert.That(c.BatchSize, Is.EqualTo(1));
            Assert.That(c.Parallelism, Is.EqualTo(1));
            Assert.That(c.Seed, Is.Zero);
            Assert.That(c.OutputDirectory, Is.EqualTo(Path.Combine("runs", "exp")));
            Assert.That(c.Environment.Targets, Is.Empty);
        });
    }

    [TestCase("env: {id: x}\nagent: {name: y}\nbudget: 0\n", "exp.yaml:3: budget: '0' is not allowed")]
    [TestCase("env: {id: x}\nagent: {name: y}\nbudget: lots\n", "exp.yaml:3: budget:")]
    [TestCase("env: {id: x}\nagent: {name: y}\n", "budget: missing")]
    [TestCase("agent: {name: y}\nbudget: 3\n", "env: missing")]
    [TestCase("env: {id: x}\nagent: {name: y}\nbudget: 3\nbugdet: 4\n", "exp.yaml:4: bugdet: unknown key; allowed: name, env")]
    [TestCase("env: {id: x, colour: red}\nagent: {name: y}\nbudget: 3\n", "env.colour: unknown key")]
    [TestCase("env: {id: x}\nagent: {name: y}\nbudget: 3\nseed: -1\n", "seed: '-1' is not allowed")]
    [TestCase("env: {id: x, targets: {latency_cycles: fast}}\nagent: {name: y}\nbudget: 3\n", "env.targets.latency_cycles: 'fast' is not a number")]
    [TestCase("env: [1, 2]\nagent: {name: y}\nbudget: 3\n", "env: expected a mapping")]
    [TestCase("env: {id: x\nagent: {name: y}\n", "exp.yaml:")]
    [TestCase("", "the file is empty")]
    public void BadInputNamesFileLineAndField(string yaml, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => ExperimentConfigLoader.Parse(yaml, "exp.yaml"));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void MissingFileIsAUserError()
    {
        var e = Assert.Throws<UserInputException>(() => ExperimentConfigLoader.Load("/nonexistent/x.yaml"));
        Assert.That(e!.Message, Does.Contain("file not found"));
    }

    [Test]
    public void ParallelismAutoMeansOnePerCore()
    {
        var c = ExperimentConfigLoader.Parse("env: {id: x}\nagent: {name: y}\nbudget: 3\nparallelism: auto\n", "e.yaml");
        Assert.That(c.Parallelism, Is.EqualTo(Environment.ProcessorCount));
    }
}
