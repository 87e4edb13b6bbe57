using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Soc;
using ArchGym.Experiments.Runner.Scheduling;

namespace ArchGym.Experiments.Tests.Scheduling;

/// <summary>PPO driving soc-sched-v0 through the sequential-task adapter, and the comparison with the simulator's schedulers.</summary>
public class SocSchedulingTaskTests
{
    private static SocSchedulingSettings Settings() => SocSchedulingSettings.FromOptions(new EnvironmentOptions(new Dictionary<string, string>
    {
        ["sim_length_us"] = "5000", ["max_ready_tasks"] = "8",
    }));

    [Test]
    public void PpoLearnsToChooseFilledSlots()
    {
        var task = new SocSchedulingTask(new SocSchedulingEnvironment(Settings()));
        var trainer = new SequentialPpoTrainer(task, PpoSettings.Default with { Batch = 128, Minibatch = 32 }, seed: 3);
        trainer.Train(1000);
        var early = task.IllegalChoices;
        trainer.Train(7000);
        Assert.Multiple(() =>
        {
            Assert.That(early / 1000.0, Is.GreaterThan(0.3), "an untrained policy picks empty slots often (8 slots, few ready tasks)");
            Assert.That(trainer.EpisodeReturns, Is.Not.Empty);
            Assert.That(task.LastEpisode?.Report, Is.Not.Null);
        });
        var before = task.IllegalChoices;
        trainer.Train(2000);
        Assert.That((task.IllegalChoices - before) / 2000.0, Is.LessThan(0.05), "after training it rarely picks an empty slot");
    }

    [Test]
    public void TheTrainedSchedulerIsComparedOnTheSameJobStreamsAndIsDeterministic()
    {
        var ppo = PpoSettings.Default with { Batch = 128, Minibatch = 32 };
        var first = new SchedulerComparison(Settings(), ppo).Run(4000, 1, [1000, 1001]);
        var again = new SchedulerComparison(Settings(), ppo).Run(4000, 1, [1000, 1001]);
        var byName = first.ToDictionary(s => s.Scheduler);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(byName.Keys, Is.SupersetOf(new[] { "ppo (trained)", "first ready (EFT)", "HEFT_RT", "ETF", "MET" }));
            Assert.That(byName["ppo (trained)"].MeanJobLatencyUs, Is.LessThan(byName["MET"].MeanJobLatencyUs), "a trained ordering with EFT placement beats MET");
            Assert.That(byName["ppo (trained)"].MeanJobLatencyUs, Is.LessThan(1.1 * byName["first ready (EFT)"].MeanJobLatencyUs));
        });
    }
}
