using ArchGym.Agents.Tests.Support;

namespace ArchGym.Agents.Tests.Benchmarks;

/// <summary>
/// The RL agents side by side on synthetic levels (the multi-knob setting of the multi-agent RL DSE
/// paper): mean best loss over five seeds on a fixed budget, how many seeds reached the optimum, and
/// the mean evaluations those took to first reach it. Printed for the report; asserts nothing.
/// </summary>
[Explicit("comparison: prints a table, asserts nothing")]
public sealed class ReinforcementComparison
{
    [TestCase(8, 300)]
    [TestCase(16, 1000)]
    public void OnLevels(int dimensions, int budget)
    {
        var make = AgentHarness.Synthetic("levels", dimensions);
        (string Agent, Dictionary<string, string>? Hp)[] agents =
        [
            ("random_search", null), ("reinforce", null), ("ppo", null),
            ("marl", new() { ["critic"] = "independent" }), ("marl", new() { ["critic"] = "centralised" }),
        ];
        foreach (var (agent, hp) in agents)
        {
            var losses = new List<double>();
            var firstHits = new List<int>();
            for (var seed = 1; seed <= 5; seed++)
            {
                var evaluations = AgentHarness.Run(agent, make, budget, seed, hp);
                losses.Add(AgentHarness.BestLoss(evaluations));
                var hit = evaluations.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.MetricValues[0] == 0, (null!, -1)).Item2;
                if (hit >= 0) firstHits.Add(hit + 1);
            }

            var label = hp is null ? agent : $"{agent} ({hp["critic"]})";
            TestContext.Out.WriteLine($"levels d={dimensions} budget {budget}: {label,-26} mean best loss {losses.Average(),6:F2}  optimum in {firstHits.Count}/5 seeds" +
                (firstHits.Count > 0 ? $", first after {firstHits.Average():F0} evaluations on average" : ""));
        }
    }
}
