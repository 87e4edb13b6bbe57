using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Soc;
using ArchGym.Simulators.Soc;

namespace ArchGym.Environments.Tests.Soc;

/// <summary>soc-sched-v0: one scheduling decision per step, the DeepSoCS setting.</summary>
public class SocSchedulingEnvironmentTests
{
    private static SocSchedulingEnvironment Make(params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string>();
        foreach (var (k, v) in extra) options[k] = v;
        return SocSchedulingEnvironment.Create(new EnvironmentOptions(options));
    }

    private sealed record Episode(SocReport Report, double Return, int Steps, SchedulingInfo Last);

    private static Episode Play(SocSchedulingEnvironment env, int seed, Func<SchedulingObservation, int> policy, Action<SchedulingObservation>? watch = null)
    {
        var (obs, info) = env.Reset(seed);
        double ret = 0;
        var steps = 0;
        while (!env.IsTerminated)
        {
            watch?.Invoke(obs);
            var step = env.Step(policy(obs));
            ret += step.Reward;
            steps++;
            Assert.That(step.Terminated, Is.EqualTo(env.IsTerminated));
            (obs, info) = (step.Observation, step.Info);
        }
        Assert.That(obs.LegalActions, Is.Zero, "nothing is legal after the episode");
        return new Episode(info.Report!, ret, steps, info);
    }

    private static SocReport Scheduler(SocSchedulingEnvironment env, SchedulerKind kind, int seed) =>
        new SocSimulator().Run(env.Settings.Scenario.Config(env.Settings.Scenario.BaseSoc, kind, seed), env.Settings.Scenario.Workload);

    [Test]
    public void ObservationHasAFixedLengthAndAMaskOverTheReadyTasks()
    {
        var env = Make(("sim_length_us", "5000"));
        Assert.Multiple(() =>
        {
            Assert.That(env.ActionCount, Is.EqualTo(32));
            Assert.That(env.ObservationLength, Is.EqualTo(32 * 9 + 17 * 3 + 3), "32 slots x 9, 16 PEs + MEMORY x 3, 3 global");
            Assert.That(env.ObservationNames, Has.Count.EqualTo(env.ObservationLength));
            Assert.That(env.ObservationNames[3], Is.EqualTo("task0.upward_rank_ms"));
        });
        var steps = 0;
        Play(env, 0, SchedulingBaselines.FirstReady, obs =>
        {
            var tasks = env.VisibleTasks;
            Assert.That(obs.Features, Has.Count.EqualTo(env.ObservationLength));
            Assert.That(obs.Mask, Has.Count.EqualTo(env.ActionCount));
            Assert.That(obs.LegalActions, Is.EqualTo(tasks.Count).And.GreaterThan(1), "single choices are auto-played");
            Assert.That(obs.Mask.Take(tasks.Count), Has.All.True);
            Assert.That(obs.Mask.Skip(tasks.Count), Has.All.False);
            for (var s = 0; s < tasks.Count; s++)
            {
                Assert.That(obs.Features[s * 9 + 3], Is.EqualTo(tasks[s].UpwardRankUs / 1000).Within(1e-12));
                Assert.That(obs.Features[s * 9 + 1], Is.EqualTo(tasks[s].JobAgeUs / 1000).Within(1e-12));
                Assert.That(obs.Features[s * 9 + 6], Is.GreaterThanOrEqualTo(obs.Features[s * 9 + 7] - 1e-12), "finish delay >= fastest execution");
            }
            Assert.That(obs.Features.Skip(tasks.Count * 9).Take((32 - tasks.Count) * 9), Has.All.Zero);
            steps++;
        });
        Assert.That(steps, Is.GreaterThan(50));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void PlayingTheFirstReadyTaskReproducesDs3sEftScheduler(bool autoPlay)
    {
        var env = Make(("auto_single_choice", autoPlay ? "true" : "false"));
        var episode = Play(env, 5, SchedulingBaselines.FirstReady);
        var eft = Scheduler(env, SchedulerKind.Eft, 5);
        Assert.Multiple(() =>
        {
            Assert.That(episode.Report.MeanLatencyUs, Is.EqualTo(eft.MeanLatencyUs));
            Assert.That(episode.Report.EnergyJ, Is.EqualTo(eft.EnergyJ));
            Assert.That(episode.Report.CompletedJobs, Is.EqualTo(eft.CompletedJobs).And.GreaterThan(150));
            Assert.That(episode.Report.TasksExecuted, Is.EqualTo(eft.TasksExecuted));
            Assert.That(episode.Last.Decisions + episode.Last.AutoDecisions, Is.GreaterThan(episode.Report.TasksExecuted - 100));
            Assert.That(episode.Last.AutoDecisions, autoPlay ? Is.GreaterThan(0) : Is.Zero);
        });
    }

    [Test]
    public void AutoPlayingSingleChoicesKeepsTheEpisodeAndItsReturn()
    {
        var auto = Play(Make(), 2, SchedulingBaselines.OldestJob);
        var every = Play(Make(("auto_single_choice", "false")), 2, SchedulingBaselines.OldestJob);
        Assert.Multiple(() =>
        {
            Assert.That(auto.Report.MeanLatencyUs, Is.EqualTo(every.Report.MeanLatencyUs));
            Assert.That(auto.Return, Is.EqualTo(every.Return).Within(1e-6));
            Assert.That(auto.Steps, Is.LessThan(every.Steps));
        });
    }

    [Test]
    public void ReturnIsMinusTheJobTimeInSystem()
    {
        var env = Make();
        var e = Play(env, 1, SchedulingBaselines.HighestUpwardRank);
        var completedLatencyUs = e.Report.MeanLatencyUs * e.Report.CompletedJobs; // no warm-up: every completed job
        var openUs = e.Last.JobTimeInSystemUs - completedLatencyUs;
        Assert.Multiple(() =>
        {
            Assert.That(e.Return, Is.EqualTo(-e.Last.JobTimeInSystemUs / 1000).Within(1e-6));
            Assert.That(openUs, Is.GreaterThanOrEqualTo(-1e-6), "unfinished jobs add their age at the end");
            Assert.That(openUs, Is.LessThanOrEqualTo(e.Last.JobsInSystem * 20_000.0 + 1e-6));
            Assert.That(e.Last.NowUs, Is.EqualTo(20_000));
        });
    }

    [Test]
    public void SameSeedSameEpisodeOtherSeedAnotherSample()
    {
        var env = Make(("sim_length_us", "8000"));
        var a = Play(env, 3, SchedulingBaselines.HighestUpwardRank);
        var b = Play(env, 3, SchedulingBaselines.HighestUpwardRank);
        var c = Play(env, 4, SchedulingBaselines.HighestUpwardRank);
        Assert.That((b.Return, b.Steps, b.Report.MeanLatencyUs), Is.EqualTo((a.Return, a.Steps, a.Report.MeanLatencyUs)));
        Assert.That(c.Report.MeanLatencyUs, Is.Not.EqualTo(a.Report.MeanLatencyUs));
    }

    /// <summary>
    /// On the DASH SoC the earliest-finish PE choice does most of the work: any sensible order lands within a few percent
    /// of ETF and HEFT_RT (which also places by insertion), while MET's PE choice is far behind.
    /// </summary>
    [Test]
    public void OrderingPoliciesRankSensiblyAgainstHeftRtEtfAndMet()
    {
        var env = Make();
        foreach (var seed in new[] { 0, 1 })
        {
            var rank = Play(env, seed, SchedulingBaselines.HighestUpwardRank).Report;
            var oldest = Play(env, seed, SchedulingBaselines.OldestJob).Report;
            var heftRt = Scheduler(env, SchedulerKind.HeftRt, seed);
            var etf = Scheduler(env, SchedulerKind.Etf, seed);
            var met = Scheduler(env, SchedulerKind.Met, seed);
            TestContext.Out.WriteLine($"seed {seed}: mean latency us: rank {rank.MeanLatencyUs:F1}, oldest job {oldest.MeanLatencyUs:F1}, " +
                $"HEFT_RT {heftRt.MeanLatencyUs:F1}, ETF {etf.MeanLatencyUs:F1}, MET {met.MeanLatencyUs:F1}");
            Assert.Multiple(() =>
            {
                foreach (var policy in new[] { rank, oldest })
                {
                    Assert.That(policy.MeanLatencyUs, Is.InRange(heftRt.MeanLatencyUs * 0.9, heftRt.MeanLatencyUs * 1.15));
                    Assert.That(policy.MeanLatencyUs, Is.InRange(etf.MeanLatencyUs * 0.9, etf.MeanLatencyUs * 1.1));
                    Assert.That(policy.MeanLatencyUs * 2, Is.LessThan(met.MeanLatencyUs));
                    Assert.That(policy.CompletedJobs, Is.GreaterThanOrEqualTo(met.CompletedJobs));
                }
            });
        }
    }

    [Test]
    public void FewSlotsHideTheOverflowButTheRunGoesOn()
    {
        var env = Make(("max_ready_tasks", "2"), ("mean_interarrival_us", "60"), ("sim_length_us", "6000"));
        var overflowed = false;
        var e = Play(env, 0, obs =>
        {
            overflowed |= obs.Features[^2] > 1;
            return SchedulingBaselines.HighestUpwardRank(obs);
        });
        Assert.That(env.ActionCount, Is.EqualTo(2));
        Assert.That(overflowed, Is.True, "ready_per_slot shows more ready tasks than slots");
        Assert.That(e.Report.CompletedJobs, Is.GreaterThan(50));
    }

    [Test]
    public void IllegalActionsAndSteppingOutsideAnEpisodeThrow()
    {
        var env = Make(("sim_length_us", "3000"));
        Assert.Throws<InvalidOperationException>(() => env.Step(0), "before Reset");
        var (obs, _) = env.Reset(0);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(env.ActionCount));
            Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(obs.LegalActions), "a masked-out slot");
        });
        Play(env, 0, SchedulingBaselines.FirstReady);
        Assert.Throws<InvalidOperationException>(() => env.Step(0), "after termination");
        Assert.That(Assert.Catch(() => Make(("max_ready_tasks", "0")))!.Message, Does.Contain("max_ready_tasks"));
    }
}
