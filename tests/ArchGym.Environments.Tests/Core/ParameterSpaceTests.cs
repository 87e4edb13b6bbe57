using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Tests.Core;

public class ParameterSpaceTests
{
    private static ParameterSpace Mixed() => new(
    [
        OrdinalParameter.PowersOfTwo("rows", 4, 64),
        new CategoricalParameter("dataflow", ["os", "ws", "is"]),
        new IntegerParameter("banks", 1, 16),
        new RealParameter("clock", 0.5, 2.0),
    ]);

    [Test]
    public void IndexEncodingRoundTrips()
    {
        var space = Mixed().WithConstraints();
        var discrete = new ParameterSpace(space.Parameters.Take(3));
        var rng = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            var p = discrete.Sample(rng);
            Assert.That(discrete.FromIndices(discrete.ToIndices(p)), Is.EqualTo(p));
        }

        Assert.That(discrete.Size, Is.EqualTo(5 * 3 * 16));
        Assert.That(space.Size, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void OneHotEncodingGivesABlockPerCategoricalAndRoundTrips()
    {
        var space = Mixed();
        var p = space.Parse(new Dictionary<string, string> { ["rows"] = "16", ["dataflow"] = "is", ["banks"] = "4", ["clock"] = "1.25" });
        var hot = space.ToUnit(p, oneHot: true);
        Assert.Multiple(() =>
        {
            Assert.That(space.EncodedLength(true), Is.EqualTo(6));
            Assert.That(hot, Has.Length.EqualTo(6));
            Assert.That(hot[0], Is.EqualTo(0.5).Within(1e-12));
            Assert.That(hot.Skip(1).Take(3), Is.EqualTo(new double[] { 0, 0, 1 }));
            Assert.That(hot[4], Is.EqualTo(0.2).Within(1e-12));
            Assert.That(hot[5], Is.EqualTo(0.5).Within(1e-12));
            Assert.That(space.FromUnit(hot, oneHot: true), Is.EqualTo(p));
            Assert.That(space.FromUnit(space.ToUnit(p)), Is.EqualTo(p));
        });
    }

    [Test]
    public void FromUnitSnapsToLegalValues()
    {
        var space = Mixed();
        var p = space.FromUnit([0.4, 0.9, 0.51, 7]);
        Assert.Multiple(() =>
        {
            Assert.That(p["rows"], Is.EqualTo(16));
            Assert.That(p.GetText("dataflow"), Is.EqualTo("is"));
            Assert.That(p["banks"], Is.EqualTo(9));
            Assert.That(p["clock"], Is.EqualTo(2.0));
        });
    }

    [Test]
    public void SamplingIsSeededAndLegal()
    {
        var space = Mixed();
        var a = new List<DesignPoint>();
        var r1 = new Random(42);
        var r2 = new Random(42);
        for (var i = 0; i < 20; i++)
        {
            var x = space.Sample(r1);
            Assert.That(space.Sample(r2).Values.ToArray(), Is.EqualTo(x.Values.ToArray()));
            a.Add(x);
        }

        Assert.That(a.Select(x => x.ToString()).Distinct().Count(), Is.GreaterThan(15));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void NeighbourChangesExactlyTheRequestedNumberOfKnobsByOneStep(int moves)
    {
        var space = Mixed();
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var p = space.Sample(rng);
            var q = space.Neighbour(p, rng, moves);
            var changed = Enumerable.Range(0, space.Count).Where(k => p[k] != q[k]).ToList();
            Assert.That(changed, Has.Count.EqualTo(moves));
            foreach (var k in changed.Where(k => space[k].Kind is ParameterKind.Ordinal or ParameterKind.Integer))
                Assert.That(Math.Abs(space[k].IndexOf(p[k]) - space[k].IndexOf(q[k])), Is.EqualTo(1));
        }
    }

    [Test]
    public void NeighboursEnumeratesEveryOneStepMove()
    {
        var space = new ParameterSpace(Mixed().Parameters.Take(3));
        var p = space.Parse(new Dictionary<string, string> { ["rows"] = "4", ["dataflow"] = "ws", ["banks"] = "8" });
        // rows at its lower edge: 1 move; dataflow: 2 other choices; banks: 2 moves.
        Assert.That(space.Neighbours(p).Count(), Is.EqualTo(5));
    }

    [Test]
    public void ConstraintsMarkPointsInfeasibleWithTheirDescription()
    {
        var space = Mixed().WithConstraints(new Constraint("area", p => p["rows"] * p["banks"] <= 128, "rows x banks at most 128"));
        var ok = space.Parse(new Dictionary<string, string> { ["rows"] = "8", ["dataflow"] = "ws", ["banks"] = "16", ["clock"] = "1" });
        var bad = ok.With("rows", 16);
        Assert.Multiple(() =>
        {
            Assert.That(space.CheckFeasibility(ok), Is.Null);
            Assert.That(space.CheckFeasibility(bad), Does.Contain("area").And.Contain("at most 128"));
            var rng = new Random(1);
            for (var i = 0; i < 20; i++) Assert.That(space.IsFeasible(space.SampleFeasible(rng)), Is.True);
        });
    }

    [Test]
    public void ParseNamesTheParameterAndWhatIsAllowed()
    {
        var space = Mixed();
        var e = Assert.Throws<ArgumentException>(() =>
            space.Parse(new Dictionary<string, string> { ["rows"] = "12", ["dataflow"] = "ws", ["banks"] = "1", ["clock"] = "1" }));
        Assert.That(e!.Message, Does.Contain("rows").And.Contain("4, 8, 16, 32, 64"));
        var missing = Assert.Throws<ArgumentException>(() => space.Parse(new Dictionary<string, string> { ["rows"] = "8" }));
        Assert.That(missing!.Message, Does.Contain("missing"));
        Assert.Throws<KeyNotFoundException>(() => space.Parse(new Dictionary<string, string> { ["speed"] = "1" }));
    }

    [Test]
    public void PointsAreValueEqualWithinASpaceAndAdoptableAcrossInstances()
    {
        var a = Mixed();
        var b = Mixed();
        var p = a.Sample(new Random(5));
        var q = a.Sample(new Random(5));
        Assert.Multiple(() =>
        {
            Assert.That(q, Is.EqualTo(p));
            Assert.That(q.GetHashCode(), Is.EqualTo(p.GetHashCode()));
            Assert.That(b.Adopt(p), Is.Not.EqualTo(p), "different space instances");
            Assert.That(b.Adopt(p).Values.ToArray(), Is.EqualTo(p.Values.ToArray()));
            Assert.Throws<ArgumentException>(() => new ParameterSpace(a.Parameters.Take(2)).Adopt(p));
            Assert.Throws<ArgumentException>(() => new DesignPoint(a, [3, 0, 1, 1]));
        });
    }
}
