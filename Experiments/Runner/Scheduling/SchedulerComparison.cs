using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Soc;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Scheduling;

namespace ArchGym.Experiments.Runner.Scheduling;

/// <summary>One scheduler's mean results over the evaluation seeds.</summary>
public sealed record SchedulerScore(string Scheduler, double MeanJobLatencyUs, double MeanReturn, double MeanCompletedJobs);

/// <summary>
/// Trains PPO on <c>soc-sched-v0</c> and compares its greedy policy with the simulator's own schedulers and the
/// observation-only baselines on the same evaluation seeds (fresh seeds, not the training ones), as DeepSoCS does
/// against HEFT. Deterministic for a given scenario, PPO settings and seeds.
/// </summary>
public sealed class SchedulerComparison(SocSchedulingSettings settings, PpoSettings ppo)
{
    public IReadOnlyList<SchedulerScore> Run(int trainingSteps, int seed, IReadOnlyList<int> evaluationSeeds)
    {
        var task = new SocSchedulingTask(new SocSchedulingEnvironment(settings));
        var trainer = new SequentialPpoTrainer(task, ppo, seed);
        trainer.Train(trainingSteps);
        var scores = new List<SchedulerScore>
        {
            Play("ppo (trained)", evaluationSeeds, obs => Greedy(trainer, task, obs)),
            Play("first ready (EFT)", evaluationSeeds, SchedulingBaselines.FirstReady),
            Play("highest upward rank", evaluationSeeds, SchedulingBaselines.HighestUpwardRank),
            Play("oldest job", evaluationSeeds, SchedulingBaselines.OldestJob),
        };
        foreach (var kind in new[] { SchedulerKind.HeftRt, SchedulerKind.Etf, SchedulerKind.Met })
            scores.Add(Simulate(kind, evaluationSeeds));
        return scores;
    }

    private SchedulerScore Play(string name, IReadOnlyList<int> seeds, Func<SchedulingObservation, int> choose)
    {
        var env = new SocSchedulingEnvironment(settings);
        double latency = 0, ret = 0, jobs = 0;
        foreach (var s in seeds)
        {
            var (obs, _) = env.Reset(s);
            var episodeReturn = 0.0;
            SchedulingStep? step = null;
            while (!env.IsTerminated)
            {
                step = env.Step(choose(obs));
                episodeReturn += step.Reward;
                obs = step.Observation;
            }

            var report = step?.Info.Report ?? throw new InvalidOperationException("an episode ended without a decision");
            latency += report.MeanLatencyUs;
            jobs += report.CompletedJobs;
            ret += episodeReturn;
        }

        return new SchedulerScore(name, latency / seeds.Count, ret / seeds.Count, jobs / seeds.Count);
    }

    private SchedulerScore Simulate(SchedulerKind kind, IReadOnlyList<int> seeds)
    {
        var sim = new SocSimulator();
        double latency = 0, jobs = 0;
        foreach (var s in seeds)
        {
            var report = sim.Run(settings.Scenario.Config(settings.Scenario.BaseSoc, kind, s), settings.Scenario.Workload);
            latency += report.MeanLatencyUs;
            jobs += report.CompletedJobs;
        }

        return new SchedulerScore(SchedulerFactory.Names[(int)kind], latency / seeds.Count, double.NaN, jobs / seeds.Count);
    }

    // The trained policy's most likely slot; an empty slot falls back as in training (slot mod legal).
    private static int Greedy(SequentialPpoTrainer trainer, SocSchedulingTask task, SchedulingObservation obs)
    {
        Span<int> action = stackalloc int[1];
        var features = obs.Features as double[] ?? obs.Features.ToArray();
        trainer.Act(features, action, greedy: true);
        return action[0] % Math.Max(1, obs.LegalActions);
    }
}
