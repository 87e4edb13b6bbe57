using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>Counting runs done, running, queued, failed and not submitted, and which shards a resume submits again.</summary>
public class SweepStatusTests
{
    private static readonly IReadOnlyList<SweepRun> Runs = ShardTests.Plan().Runs; // 24 runs

    private static SlurmJobs Jobs(int shards, params SlurmSubmission[] submissions) => new(shards, new SlurmOptions(), submissions);

    [Test]
    public void RunsAreCountedFromTheirFoldersAndTheirShardsTasks()
    {
        // 4 shards: shard 0 done, shard 1's task running, shard 2's task pending, shard 3's task gone without its runs.
        var jobs = Jobs(4, new SlurmSubmission("7", [0, 1, 2, 3], "8"));
        SlurmTask[] queue = [new("7", 1, "RUNNING"), new("7", 2, "PENDING"), new("8", null, "PENDING"), new("99", 3, "RUNNING")];
        var done = Runs.Where(r => r.Index % 4 == 0).Select(r => r.Id).Append(Runs[1].Id).ToHashSet();
        var status = SweepStatus.Of(Runs, r => done.Contains(r.Id), jobs, queue);
        Assert.Multiple(() =>
        {
            Assert.That(status.Count(RunState.Done), Is.EqualTo(7));
            Assert.That(status.Count(RunState.Running), Is.EqualTo(5), "shard 1 less its one done run");
            Assert.That(status.Count(RunState.Queued), Is.EqualTo(6));
            Assert.That(status.Count(RunState.Failed), Is.EqualTo(6), "another job's task 3 is not this sweep's");
            Assert.That(status.Count(RunState.NotSubmitted), Is.Zero);
            Assert.That(status.ShardsToResubmit(4), Is.EqualTo(new[] { 3 }));
        });
    }

    [Test]
    public void AResumeTakesOnlyShardsWithMissingOrFailedRunsAndNoLiveTask()
    {
        // First submission ran shards 0-5; a resume resubmitted 4 and 5, and task 5 is still queued.
        var jobs = Jobs(6, new SlurmSubmission("10", [0, 1, 2, 3, 4, 5], "11"), new SlurmSubmission("12", [4, 5], "13"));
        var done = Runs.Where(r => r.Index % 6 is 0 or 2).Select(r => r.Id).ToHashSet();
        SlurmTask[] queue = [new("12", 5, "PENDING"), new("10", 1, "RUNNING")]; // a stale id: shard 1's last task is job 10's, still running
        var status = SweepStatus.Of(Runs, r => done.Contains(r.Id), jobs, queue);
        Assert.Multiple(() =>
        {
            Assert.That(status.ShardsToResubmit(6), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(status.Count(RunState.Running), Is.EqualTo(4));
            Assert.That(status.Count(RunState.Queued), Is.EqualTo(4));
            Assert.That(status.Count(RunState.Failed), Is.EqualTo(8));
        });
    }

    [Test]
    public void WithoutSubmissionsEveryRunNotDoneIsNotSubmittedAndWithoutAQueueUnknown()
    {
        var done = Runs.Take(5).Select(r => r.Id).ToHashSet();
        var local = SweepStatus.Of(Runs, r => done.Contains(r.Id), null, null);
        var noQueue = SweepStatus.Of(Runs, r => done.Contains(r.Id), Jobs(2, new SlurmSubmission("3", [0], null)), null);
        Assert.Multiple(() =>
        {
            Assert.That(local.Count(RunState.NotSubmitted), Is.EqualTo(19));
            Assert.That(local.ShardsToResubmit(5), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
            Assert.That(noQueue.Count(RunState.Unknown), Is.EqualTo(Runs.Count(r => r.Index % 2 == 0 && !done.Contains(r.Id))));
            Assert.That(noQueue.Count(RunState.NotSubmitted), Is.EqualTo(Runs.Count(r => r.Index % 2 == 1 && !done.Contains(r.Id))));
        });
    }
}
