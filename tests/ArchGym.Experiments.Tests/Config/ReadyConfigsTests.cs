using ArchGym.Agents.Core;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Config;

/// <summary>
/// The ready sweep files in Experiments/configs: every one parses against the sweep schema and
/// reproduces ArchGym's grid sizes. Agents that are registered today are checked fully (names and
/// values); agents still to be merged (aco, ga, bo) are checked for structure and for the documented
/// hyperparameter names only, so these tests pass before and after they arrive.
/// </summary>
public class ReadyConfigsTests
{
    private static string ConfigPath(string name) => Path.Combine(ArchGymProcess.RepoRoot(), "Experiments", "configs", name);

    private static SweepConfig Load(string name) => SweepConfigLoader.Load(ConfigPath(name));

    public static IEnumerable<string> SweepFiles() =>
        Directory.GetFiles(Path.Combine(FindRoot(), "Experiments", "configs"), "sweep-*.yaml").Select(Path.GetFileName).Order()!;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArchGym.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ArchGym.sln not found");
    }

    private static double GridSize(SweepAgent agent) => agent.Grid.Aggregate(1.0, (n, a) => n * a.Values.Count);

    [TestCaseSource(nameof(SweepFiles))]
    public void ParsesAndRegisteredAgentsCheckOut(string file)
    {
        var config = Load(file);
        var registries = DefaultRegistries.Create();
        Assert.Multiple(() =>
        {
            Assert.That(config.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)), "name matches the file");
            Assert.That(config.OutputDirectory, Is.EqualTo($"runs/{config.Name}"));
            Assert.That(config.Environments.All(e => registries.Environments.Contains(e.Section.Id)), "environments exist today");
        });
        if (config.Agents.All(a => registries.Agents.Contains(a.Name)))
        {
            var settings = SweepPlanner.CheckNames(config, registries);
            Assert.That(settings.Zip(config.Agents).All(p => p.First.Count == Math.Max(1, GridSize(p.Second)) || p.Second.Sample is not null));
        }
    }

    [Test]
    public void AntColonyIsArchGyms600PointGridOnFourWorkloads()
    {
        var c = Load("sweep-aco-systolic.yaml");
        var aco = c.Agents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(aco.Name, Is.EqualTo("aco"));
            Assert.That(aco.Grid.Select(a => a.Name), Is.EqualTo(new[] { "ant_count", "evaporation", "greediness", "depth" }));
            Assert.That(GridSize(aco), Is.EqualTo(600));
            Assert.That(c.Workloads, Has.Count.EqualTo(4));
            Assert.That(c.Environments.Single().Section.Id, Is.EqualTo("systolic-v0"));
        });
    }

    [Test]
    public void GeneticAlgorithmIsArchGyms72PointGrid()
    {
        var ga = Load("sweep-ga-systolic.yaml").Agents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(ga.Name, Is.EqualTo("ga"));
            Assert.That(ga.Grid.Select(a => a.Name), Is.EqualTo(new[] { "population", "generations", "mutation_probability" }));
            Assert.That(GridSize(ga), Is.EqualTo(72));
        });
    }

    [Test]
    public void BayesianOptimisationSweepsTheBudgetOverFiveSeeds()
    {
        var c = Load("sweep-bo-systolic.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(c.Agents.Single().Name, Is.EqualTo("bo"));
            Assert.That(c.Budgets, Is.EqualTo(new[] { 16, 32, 64 }));
            Assert.That(c.Seeds, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(c.Budgets.Count * c.Seeds.Count, Is.EqualTo(15));
        });
    }

    /// <summary>Once an agent is registered, its ready grid must name its declared hyperparameters with legal values.</summary>
    [TestCase("sweep-aco-systolic.yaml")]
    [TestCase("sweep-ga-systolic.yaml")]
    [TestCase("sweep-bo-systolic.yaml")]
    public void GridsOfAgentsStillToBeMergedCheckOutOnceTheyAreRegistered(string file)
    {
        var config = Load(file);
        var agents = AgentRegistry.CreateDefault();
        foreach (var agent in config.Agents.Where(a => agents.Contains(a.Name)))
        {
            var settings = HyperParameterSettings.Expand(agent, agents.Get(agent.Name), config.SourceFile, agent.Field);
            Assert.That(settings, Has.Count.EqualTo((int)Math.Max(1, GridSize(agent))), $"{file}: {agent.Name}");
        }

        Assert.That(config.Agents, Is.Not.Empty);
    }

    [Test]
    public void TheSyntheticDemoPlansFully()
    {
        var plan = SweepPlanner.Plan(Load("sweep-synthetic-demo.yaml"), DefaultRegistries.Create());
        Assert.That(plan.Runs, Has.Count.EqualTo((6 + 1) * 2 * 3));
    }

    [Test]
    public void TheReadmeSweepExampleIsValid()
    {
        var readme = File.ReadAllText(Path.Combine(ArchGymProcess.RepoRoot(), "README.md"));
        var section = readme[readme.IndexOf("### Sweeps", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var config = SweepConfigLoader.Parse(yaml, "README.md");
        var settings = SweepPlanner.CheckNames(config, DefaultRegistries.Create());
        Assert.Multiple(() =>
        {
            Assert.That(settings.Select(s => s.Count), Is.EqualTo(new[] { 6, 1 }));
            Assert.That(config.Budgets, Is.EqualTo(new[] { 16, 32, 64 }));
            Assert.That(config.Seeds, Has.Count.EqualTo(5));
        });
    }
}
