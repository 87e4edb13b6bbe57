using System.Text.RegularExpressions;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>Submitting a sweep folder to a fake Slurm: the array and merge jobs, the record, a resume after lost tasks, and a rejected job.</summary>
public class SlurmSweepTests
{
    private string _dir = "";
    private SweepPlan _plan = null!;
    private SweepFolder _folder = null!;
    private FakeSlurmClient _slurm = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "archgym-tests", Guid.NewGuid().ToString("N"));
        _slurm = new FakeSlurmClient();
        _plan = ShardTests.Plan(_dir);
        _folder = new SweepFolder(_plan);
        _folder.Prepare(ShardTests.Yaml, resume: false);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private SlurmSubmitResult Submit(SlurmOptions options) => new SlurmSweep(_slurm, ["archgym"]).Submit(_plan, _folder, options);

    private static string Array(string script) => Regex.Match(script, "#SBATCH --array=(.*)\n").Groups[1].Value;

    [Test]
    public void AFreshSweepIsOneArrayOverItsShardsAndAMergeJobAfterIt()
    {
        var result = Submit(new SlurmOptions(MaxParallel: 4, Shards: 6));
        var jobs = SlurmJobs.TryRead(new SlurmLayout(_dir).JobsPath)!;
        Assert.Multiple(() =>
        {
            Assert.That(_slurm.Submitted, Has.Count.EqualTo(2));
            Assert.That(Array(_slurm.Submitted[0].Script), Is.EqualTo("0-5%4"));
            Assert.That(_slurm.Submitted[1].Script, Does.Contain("#SBATCH --dependency=afterany:100\n"));
            Assert.That(result.Submitted, Is.EqualTo(jobs.Submissions.Single()).Using<SlurmSubmission>((a, b) => a.ArrayJob == b.ArrayJob && a.MergeJob == b.MergeJob));
            Assert.That(jobs.Shards, Is.EqualTo(6));
            Assert.That(jobs.Submissions[0].MergeJob, Is.EqualTo("101"));
            Assert.That(jobs.Options.MaxParallel, Is.EqualTo(4));
        });
    }

    [Test]
    public void WithoutShardsThereIsOneTaskPerRun() =>
        Assert.That(Array(SubmitAndScript(new SlurmOptions())), Is.EqualTo($"0-{_plan.Runs.Count - 1}"));

    private string SubmitAndScript(SlurmOptions options)
    {
        Submit(options);
        return _slurm.Submitted[0].Script;
    }

    [Test]
    public void AResumeSubmitsOnlyTheShardsWithRunsLostAndKeepsTheFirstOptions()
    {
        Submit(new SlurmOptions(Partition: "debug", Shards: 4));
        // Shards 0 and 2 finish; shard 1's task still runs; shard 3's task was cancelled.
        var runner = new SweepRunner(DefaultRegistries.Create());
        runner.Run(_plan, _folder, _plan.Runs.Where(r => r.Index % 4 is 0 or 2).ToArray(), null, CancellationToken.None);
        _slurm.Tasks.Add(new SlurmTask("100", 1, "RUNNING"));

        var result = Submit(new SlurmOptions(Time: "5:00"));
        var jobs = SlurmJobs.TryRead(new SlurmLayout(_dir).JobsPath)!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Submitted!.Tasks, Is.EqualTo(new[] { 3 }));
            Assert.That(Array(_slurm.Submitted[2].Script), Is.EqualTo("3"));
            Assert.That(_slurm.Submitted[2].Script, Does.Contain("#SBATCH --partition=debug\n").And.Contain("#SBATCH --time=5:00\n"));
            Assert.That(_slurm.Submitted[3].Script, Does.Contain("#SBATCH --dependency=afterany:100:102\n"), "the merge also waits for the array still running");
            Assert.That(jobs.Submissions.Select(s => s.ArrayJob), Is.EqualTo(new[] { "100", "102" }));
        });

        _slurm.Tasks.Clear();
        _slurm.Tasks.Add(new SlurmTask("102", 3, "PENDING"));
        Assert.That(Submit(new SlurmOptions()).Submitted!.Tasks, Is.EqualTo(new[] { 1 }), "shard 1's task has ended without its runs; shard 3's is queued");
        Assert.Throws<UserInputException>(() => Submit(new SlurmOptions(Shards: 5)), "the shard count of a sweep is fixed");
    }

    [Test]
    public void ARejectedArraySubmitsNothingAndSaysHowToRetry()
    {
        _slurm.Reject = "invalid partition specified: nope";
        var e = Assert.Throws<UserInputException>(() => Submit(new SlurmOptions(Partition: "nope")))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("invalid partition specified: nope").And.Contain("nothing was submitted").And.Contain("--resume --slurm"));
            Assert.That(File.Exists(new SlurmLayout(_dir).JobsPath), Is.False);
        });
    }

    [Test]
    public void WhenNoTaskEverSawTheFolderTheMergeRefusesAndNamesASharedFileSystem()
    {
        Submit(new SlurmOptions(Shards: 2)); // the fake runs nothing: no run done, no seen/ mark
        var e = Assert.Throws<UserInputException>(() => SweepShardCommand.Merge(_dir, quiet: true))!;
        var status = new StringWriter();
        SweepSlurmCommand.Status(_dir, _slurm, status);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain($"{_plan.Runs.Count} of {_plan.Runs.Count} runs are not done").And.Contain("not on a file system shared"));
            Assert.That(File.Exists(_folder.SweepCsvPath), Is.False);
            Assert.That(status.ToString(), Does.Contain($"0 done, 0 running, 0 queued, {_plan.Runs.Count} failed").And.Contain("no task started yet"));
        });

        File.WriteAllText(Path.Combine(new SlurmLayout(_dir).SeenDirectory, "100_0"), "");
        Assert.That(Assert.Throws<UserInputException>(() => SweepShardCommand.Merge(_dir, quiet: true))!.Message, Does.Not.Contain("shared"),
            "a task that started saw the folder");
    }
}
