using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Systolic;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Tests.Support;

namespace ArchGym.Proxies.Tests.Data;

public class DatasetTests
{
    private static readonly IReadOnlyList<Metric> Metrics = [new("f", "1", Direction.Minimize)];

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("proxy-data").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A dataset written by the core's own writer, as a run writes it.</summary>
    private string Write(string name, IEnumerable<(DesignPoint Point, double Value, bool Feasible)> rows)
    {
        var path = Path.Combine(_dir, name);
        var writer = new EvaluationCsvWriter(path, KnownFunction.Space, Metrics);
        var step = 0;
        foreach (var (p, v, ok) in rows)
            writer.OnNext(new Evaluation("t", "w", p, ok ? [v] : [double.NaN], ok ? -v : double.NaN, ok, ok ? null : "no", "random_walk", 1, step++, 0.5));
        writer.OnCompleted();
        return path;
    }

    [Test]
    public void LoadsFeasibleDistinctRowsFromManyFiles()
    {
        var pts = KnownFunction.Sample(4, seed: 1).Points;
        var a = Write("a.csv", [(pts[0], 1, true), (pts[1], 2, true), (pts[0], 1, true), (pts[2], double.NaN, false)]);
        var b = Write("b.csv", [(pts[1], 2, true), (pts[3], 4, true)]);
        var data = DatasetLoader.Load([a, b], KnownFunction.Space, Metrics);
        Assert.Multiple(() =>
        {
            Assert.That(data.Points, Is.EqualTo(new[] { pts[0], pts[1], pts[3] }), "first-seen order, repeats and infeasible rows dropped");
            Assert.That(data.Target("f"), Is.EqualTo(new double[] { 1, 2, 4 }));
            Assert.That(data.InfeasiblePoints, Is.EqualTo(new[] { pts[2] }), "kept apart for a feasibility model");
            Assert.That(data.FeasibilityLabels("feasible").Target("feasible"), Is.EqualTo(new double[] { 1, 1, 1, 0 }));
        });
    }

    [Test]
    public void ProblemsNameFileLineAndColumn()
    {
        var pts = KnownFunction.Sample(2, seed: 1).Points;
        var good = Write("good.csv", [(pts[0], 1, true)]);
        var other = new[] { new Metric("g", "1", Direction.Minimize) };
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllLines(bad, [File.ReadAllLines(good)[0], File.ReadAllLines(good)[1].Replace(",true,", ",true,").Replace(pts[0].GetText("mode"), "zz")]);
        Assert.Multiple(() =>
        {
            Assert.That(() => DatasetLoader.Load([good], KnownFunction.Space, other),
                Throws.TypeOf<InvalidDataException>().With.Message.Contains("good.csv").And.Message.Contains("no column 'g'"));
            Assert.That(() => DatasetLoader.Load([bad], KnownFunction.Space, Metrics),
                Throws.TypeOf<InvalidDataException>().With.Message.Contains("bad.csv:2").And.Message.Contains("mode"));
            Assert.That(() => DatasetLoader.Load([Path.Combine(_dir, "none.csv")], KnownFunction.Space, Metrics),
                Throws.TypeOf<InvalidDataException>().With.Message.Contains("file not found"));
        });
    }

    [Test]
    public void FeaturesAreOneHotLog2AndScaled()
    {
        var space = SystolicSpace.Create(true);
        var encoder = new FeatureEncoder(space);
        var point = space.Parse(new Dictionary<string, string>
        {
            ["array_rows"] = "16", ["array_cols"] = "256", ["dataflow"] = "ws", ["ifmap_sram_kb"] = space["ifmap_sram_kb"].Format(space["ifmap_sram_kb"].ValueAt(0)),
            ["filter_sram_kb"] = space["filter_sram_kb"].Format(space["filter_sram_kb"].ValueAt(0)), ["ofmap_sram_kb"] = space["ofmap_sram_kb"].Format(space["ofmap_sram_kb"].ValueAt(0)),
            ["dram_bandwidth"] = space["dram_bandwidth"].Format(space["dram_bandwidth"].ValueAt(0)),
        });
        var x = encoder.Encode(point);
        var rows = encoder.Names.ToList().IndexOf("log2(array_rows)");
        var os = encoder.Names.ToList().IndexOf("dataflow=os");
        Assert.Multiple(() =>
        {
            // array_rows: powers of two 4..256, so 16 sits at (log2 16 - log2 4) / (log2 256 - log2 4) = 2/6.
            Assert.That(x[rows], Is.EqualTo(2.0 / 6).Within(1e-12));
            Assert.That(x[rows + 1], Is.EqualTo(1).Within(1e-12), "256 is the top of array_cols");
            Assert.That(x.AsSpan(os, 3).ToArray(), Is.EqualTo(new double[] { 0, 1, 0 }), "dataflow one-hot os, ws, is");
            Assert.That(x, Has.All.InRange(0.0, 1.0));
            Assert.That(encoder.Count, Is.EqualTo(space.Count + 2));
        });
    }

    [Test]
    public void SplitsAreSeededDisjointAndCovering()
    {
        var (train, test) = DataSplit.TrainTest(100, 0.2, seed: 3);
        var again = DataSplit.TrainTest(100, 0.2, seed: 3);
        var other = DataSplit.TrainTest(100, 0.2, seed: 4);
        var folds = DataSplit.KFold(10, 3, seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(test, Has.Length.EqualTo(20));
            Assert.That(train.Concat(test).Order(), Is.EqualTo(Enumerable.Range(0, 100)));
            Assert.That(again.Test, Is.EqualTo(test));
            Assert.That(other.Test, Is.Not.EqualTo(test));
            Assert.That(folds.Select(f => f.Length), Is.EquivalentTo(new[] { 4, 3, 3 }));
            Assert.That(folds.SelectMany(f => f).Order(), Is.EqualTo(Enumerable.Range(0, 10)));
            Assert.That(DataSplit.Complement(10, folds[0]).Concat(folds[0]).Order(), Is.EqualTo(Enumerable.Range(0, 10)));
        });
    }

    [Test]
    public void LogTargetsNeedPositiveValues() =>
        Assert.That(() => TargetTransform.Log.Forward([1.0, 0.0], "latency"), Throws.ArgumentException.With.Message.Contains("latency"));
}

public class FeatureEncoderTests
{
    [Test]
    public void FastEncodingEqualsTheSpacesOwnOneHotEncoding()
    {
        foreach (var space in new[] { ArchGym.Environments.Systolic.SystolicSpace.Create(true), KnownFunction.Space })
        {
            var encoder = new FeatureEncoder(space);
            var rng = new Random(4);
            for (var i = 0; i < 200; i++)
            {
                var p = space.Sample(rng);
                Assert.That(encoder.Encode(p), Is.EqualTo(space.ToUnit(p, oneHot: true)));
            }
        }
    }
}
