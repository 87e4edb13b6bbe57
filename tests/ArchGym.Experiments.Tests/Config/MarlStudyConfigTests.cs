using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Config;

/// <summary>
/// The MARL-vs-PPO study file: the comparison the RL issue asks for (marl, ppo, random walk and BO on dram-v0 over the
/// four ArchGym workloads and DRAMGym's power / latency / both rewards, equal budgets, several seeds), and a shrunk
/// copy of it run end to end, whose tables keep every reward formulation apart.
/// </summary>
public class MarlStudyConfigTests
{
    private static string StudyFile => Path.Combine(ArchGymProcess.RepoRoot(), "Experiments", "configs", "marl-vs-ppo-dram.yaml");

    [Test]
    public void ComparesTheFourAgentsOnEveryWorkloadAndObjectiveWithOneBudget()
    {
        var c = SweepConfigLoader.Load(StudyFile);
        var plan = SweepPlanner.CheckNames(c, DefaultRegistries.Create());
        Assert.Multiple(() =>
        {
            Assert.That(c.Agents.Select(a => a.Name), Is.EquivalentTo(new[] { "marl", "ppo", "random_walk", "bo" }));
            Assert.That(plan.Select(p => p.Count), Is.All.EqualTo(1), "one setting per agent: no agent is tuned more than another");
            Assert.That(c.Environments.Select(e => e.Section.Id), Is.All.EqualTo("dram-v0"));
            Assert.That(c.Environments.Select(e => e.Section.Reward), Is.EquivalentTo(new[] { "power", "latency", "both" }));
            Assert.That(c.Workloads.Select(w => w.Value), Is.EquivalentTo(new[] { "stream", "random", "cloud-1", "cloud-2" }));
            Assert.That(c.Budgets, Has.Count.EqualTo(1), "equal evaluation budgets");
            Assert.That(c.Seeds, Has.Count.GreaterThanOrEqualTo(3));
        });
    }

    [Test]
    public void AShrunkCopyRunsAndKeepsTheObjectivesApart()
    {
        var dir = ArchGymProcess.TempDir();
        try
        {
            var text = File.ReadAllText(StudyFile)
                .Replace("workloads: [stream, random, cloud-1, cloud-2]", "workloads: [random]")
                .Replace("seeds: { from: 1, to: 3 }", "seeds: [1]")
                .Replace("budget: 300", "budget: 12");
            Assert.That(text, Does.Contain("budget: 12").And.Contain("workloads: [random]").And.Contain("seeds: [1]"), "the shrink applied");
            File.WriteAllText(Path.Combine(dir, "study.yaml"), text);
            var r = ArchGymProcess.Run(dir, ["sweep", "study.yaml", "--output", "out", "--quiet"]);
            Assert.That(r.ExitCode, Is.Zero, r.StdErr);
            var lottery = File.ReadAllLines(Path.Combine(dir, "out", "lottery.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllLines(Path.Combine(dir, "out", "sweep.csv")), Has.Length.EqualTo(1 + 3 * 4), "3 objectives x 4 agents");
                Assert.That(lottery.Select(l => (l[2], l[3])).Distinct().Count(), Is.EqualTo(12), "one lottery row per objective and agent");
                Assert.That(lottery.Select(l => l[5]), Is.All.EqualTo("1"), "each row holds its one run");
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
