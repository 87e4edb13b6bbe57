using System.Diagnostics;
using ArchGym.Agents.Core;
using ArchGym.Agents.MultiAgent;
using ArchGym.Agents.Reinforcement;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core;

namespace ArchGym.Agents.Tests.Benchmarks;

/// <summary>
/// RL agent overhead, printed for the report: ask + tell time per evaluation (the simulator excluded)
/// and policy updates per second of agent time, with default hyperparameters and batch-1 asks. Both
/// wall time and process CPU time are printed, since the machine may be shared.
/// </summary>
[Explicit("benchmark: prints timings, asserts nothing about speed")]
public sealed class ReinforcementBenchmark
{
    [TestCase("ppo", "levels", 8, "")]
    [TestCase("ppo", "mixed", 4, "")]
    [TestCase("reinforce", "levels", 8, "")]
    [TestCase("marl", "levels", 8, "")]
    [TestCase("marl", "levels", 8, "critic=centralised")]
    [TestCase("ppo", "levels", 32, "")]
    [TestCase("marl", "levels", 32, "")]
    [TestCase("marl", "levels", 32, "hidden_units=32")]
    [TestCase("marl", "levels", 10, "")]
    [TestCase("marl", "levels", 10, "critic=centralised")]
    public void AskTellMicrosecondsPerEvaluation(string agentName, string function, int dimensions, string hp)
    {
        const int evaluations = 4000;
        using var env = AgentHarness.Synthetic(function, dimensions)();
        env.Reset(1);
        var hyper = hp.Length == 0 ? null : hp.Split(';').Select(s => s.Split('=')).ToDictionary(a => a[0], a => a[1]);
        for (var round = 0; round < 2; round++)
        {
            var agent = AgentHarness.Create(agentName, env, 1, hyper);
            var (wall, cpu) = Measure(agent, env, evaluations);
            var updates = agent switch { PpoAgent p => p.Updates, MultiAgentPpoAgent m => m.Updates, _ => 0 };
            TestContext.Out.WriteLine($"{agentName} [{hp}] on {function}(d={dimensions}){(round == 0 ? " (cold)" : "")}: {wall:F1} µs wall, {cpu:F1} µs CPU " +
                $"ask+tell per evaluation over {evaluations} evaluations; {updates} updates, {updates / (cpu * evaluations * 1e-6):F0} updates per CPU second");
        }
    }

    [Test]
    public void SequentialPpoStepsPerSecond()
    {
        var env = new Reinforcement.ChainMdp();
        var trainer = new SequentialPpoTrainer(env, PpoSettings.Default with { Batch = 64, Minibatch = 16 }, 1);
        trainer.Train(2000);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var t0 = Stopwatch.GetTimestamp();
        const int steps = 20_000;
        trainer.Train(steps);
        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        TestContext.Out.WriteLine($"sequential ppo on the chain MDP (obs {env.ObservationLength}, heads {string.Join("x", env.ActionSizes)}, 2x64 tanh, batch 64, minibatch 16, 4 epochs): " +
            $"{steps / wall:F0} steps/s wall, {steps / cpu:F0} steps/s CPU, {steps / 64 / cpu:F0} updates per CPU second");
    }

    /// <summary>Agent-only wall time per evaluation, and process CPU time per evaluation of the whole loop (the synthetic step costs about a microsecond).</summary>
    private static (double WallMicros, double CpuMicros) Measure(IAgent agent, IEnvironment env, int evaluations)
    {
        var ticks = 0L;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        for (var done = 0; done < evaluations; done++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var asked = agent.Ask(1);
            ticks += Stopwatch.GetTimestamp() - t0;
            var step = env.Step(asked[0]);
            var e = new Evaluation(env.Name, env.Workload, asked[0], step.Observation.Values, step.Reward, step.Info.Feasible, null, agent.Name, 1, done, 0);
            t0 = Stopwatch.GetTimestamp();
            agent.Tell([e]);
            ticks += Stopwatch.GetTimestamp() - t0;
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        return (ticks * 1e6 / Stopwatch.Frequency / evaluations, cpu.TotalMicroseconds / evaluations);
    }
}
