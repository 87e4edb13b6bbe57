using System.Diagnostics;
using ArchGym.Agents.Bayesian;
using ArchGym.Agents.Core;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core;

namespace ArchGym.Agents.Tests.Benchmarks;

/// <summary>
/// Agent overhead, printed for the report: ask + tell time per evaluation (the simulator excluded) for
/// every registered agent, and the bo agent's ask latency once it holds 200 and 1000 observations.
/// </summary>
[Explicit("benchmark: prints timings, asserts nothing about speed")]
public sealed class AgentOverheadBenchmark
{
    [TestCase("random_search", 4000)]
    [TestCase("random_walk", 4000)]
    [TestCase("grid", 4000)]
    [TestCase("ga", 4000)]
    [TestCase("sa", 4000)]
    [TestCase("aco", 4000)]
    [TestCase("nsga2", 4000)]
    [TestCase("bo", 300)]
    public void AskTellMicrosecondsPerEvaluation(string agentName, int evaluations)
    {
        var make = AgentHarness.Synthetic("mixed");
        using var env = make();
        var hp = agentName is "ga" or "nsga2" ? new Dictionary<string, string> { ["generations"] = "1000" } : null;
        var agent = AgentHarness.Create(agentName, env, 1, hp);
        env.Reset(1);
        var agentTicks = 0L;
        var done = 0;
        while (done < evaluations)
        {
            var t0 = Stopwatch.GetTimestamp();
            var asked = agent.Ask(1);
            agentTicks += Stopwatch.GetTimestamp() - t0;
            if (asked.Count == 0) break;
            var step = env.Step(asked[0]);
            var e = new Evaluation(env.Name, env.Workload, asked[0], step.Observation.Values, step.Reward, step.Info.Feasible, null, agentName, 1, done, 0);
            t0 = Stopwatch.GetTimestamp();
            agent.Tell([e]);
            agentTicks += Stopwatch.GetTimestamp() - t0;
            done++;
        }

        var micros = agentTicks * 1e6 / Stopwatch.Frequency / done;
        TestContext.Out.WriteLine($"{agentName}: {micros:F1} µs ask+tell per evaluation over {done} evaluations (batch 1, synthetic mixed)");
    }

    [TestCase("mixed", 0, 500)]
    [TestCase("levels", 8, 500)]
    [TestCase("levels", 8, 1000)]
    public void BayesianAskLatency(string function, int dimensions, int maxGpPoints)
    {
        var hp = new Dictionary<string, string> { ["max_gp_points"] = maxGpPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var make = AgentHarness.Synthetic(function, Math.Max(dimensions, 1));
        using var env = make();
        env.Reset(1);
        var rng = new Random(3);
        foreach (var n in new[] { 200, 1000 })
        {
            var agent = (BayesianOptimizationAgent)AgentHarness.Create(BayesianOptimizationAgent.AgentName, env, 1, hp);
            var evaluations = new List<Evaluation>(n);
            for (var i = 0; i < n; i++)
            {
                var point = env.ActionSpace.Sample(rng);
                var step = env.Step(point);
                evaluations.Add(new Evaluation(env.Name, env.Workload, point, step.Observation.Values, step.Reward, true, null, "bo", 1, i, 0));
            }

            var t0 = Stopwatch.GetTimestamp();
            agent.Tell(evaluations);
            var refitMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            agent.Ask(1);
            const int asks = 5;
            t0 = Stopwatch.GetTimestamp();
            for (var a = 0; a < asks; a++) agent.Ask(1);
            var askMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / asks;
            var point2 = env.ActionSpace.Sample(rng);
            var step2 = env.Step(point2);
            t0 = Stopwatch.GetTimestamp();
            agent.Tell([new Evaluation(env.Name, env.Workload, point2, step2.Observation.Values, step2.Reward, true, null, "bo", 1, n, 0)]);
            var incrementalMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            t0 = Stopwatch.GetTimestamp();
            agent.Ask(4);
            var batchMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            TestContext.Out.WriteLine($"bo on {function} (max_gp_points {maxGpPoints}): {n} observations (GP holds {agent.Model!.Count}): ask {askMs:F1} ms, batch-of-4 ask {batchMs:F1} ms, " +
                $"refit tell {refitMs:F0} ms, incremental tell {incrementalMs:F2} ms");
        }
    }
}
