using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Events;

namespace ArchGym.Environments.Tests.Core;

public class EvaluationCsvWriterTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "archgym-csv-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    private static Evaluation Eval(CountingEnvironment env, long step, double a, double b, bool feasible) =>
        new("counting-v0", "w", env.Point(a, b), feasible ? [a * b] : [double.NaN], feasible ? -a : double.NaN, feasible,
            feasible ? null : "too big", "agent,x", 7, step, 1.25);

    [Test]
    public void WritesATypedHeaderAndOneRowPerEvaluationThenPublishesOnCompletion()
    {
        using var env = new CountingEnvironment();
        var path = Path.Combine(_dir, "evaluations.csv");
        using var stream = new EvaluationStream();
        using (stream.Subscribe(new EvaluationCsvWriter(path, env.ActionSpace, env.Metrics)))
        {
            stream.Publish(Eval(env, 0, 2, 4, true));
            stream.Publish(Eval(env, 1, 16, 16, false));
            Assert.That(File.Exists(path), Is.False, "nothing under the real name while running");
            stream.Complete();
        }

        var lines = File.ReadAllLines(path);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("step,agent,seed,a,b,cost,reward,feasible,wall_ms"));
            Assert.That(lines[1], Is.EqualTo("0,\"agent,x\",7,2,4,8,-2,true,1.25"));
            Assert.That(lines[2], Is.EqualTo("1,\"agent,x\",7,16,16,,,false,1.25"));
            Assert.That(File.Exists(path + EvaluationCsvWriter.PartialSuffix), Is.False);
        });
    }

    [Test]
    public void AFailedRunLeavesOnlyThePartialFile()
    {
        using var env = new CountingEnvironment();
        var path = Path.Combine(_dir, "evaluations.csv");
        using var stream = new EvaluationStream();
        using var sub = stream.Subscribe(new EvaluationCsvWriter(path, env.ActionSpace, env.Metrics));
        stream.Publish(Eval(env, 0, 2, 4, true));
        stream.Fail(new InvalidOperationException("boom"));
        Assert.That(File.Exists(path), Is.False);
        Assert.That(File.ReadAllLines(path + EvaluationCsvWriter.PartialSuffix), Has.Length.EqualTo(2));
        Assert.Throws<InvalidOperationException>(() => stream.Publish(Eval(env, 1, 1, 1, true)), "the stream has ended");
    }

    [Test]
    public void ACancelledRunKeepsWhatWasEvaluated()
    {
        using var env = new CountingEnvironment();
        var path = Path.Combine(_dir, "evaluations.csv");
        using var stream = new EvaluationStream();
        using var sub = stream.Subscribe(new EvaluationCsvWriter(path, env.ActionSpace, env.Metrics));
        stream.Publish(Eval(env, 0, 2, 4, true));
        stream.Fail(new OperationCanceledException());
        Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(2));
    }

    [Test]
    public void BestSoFarKeepsTheEarliestBestFeasibleEvaluation()
    {
        using var env = new CountingEnvironment();
        var tracker = new BestSoFarTracker();
        tracker.OnNext(Eval(env, 0, 4, 1, true));
        tracker.OnNext(Eval(env, 1, 16, 16, false));
        tracker.OnNext(Eval(env, 2, 2, 1, true));
        tracker.OnNext(Eval(env, 3, 2, 8, true));
        Assert.Multiple(() =>
        {
            Assert.That(tracker.Best!.Step, Is.EqualTo(2));
            Assert.That(tracker.Count, Is.EqualTo(4));
            Assert.That(tracker.FeasibleCount, Is.EqualTo(3));
            Assert.That(tracker.Curve, Is.EqualTo(new double[] { -4, -4, -2, -2 }));
        });
    }
}
