using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Tests.Core;

public class ParameterTests
{
    [Test]
    public void PowersOfTwoListEveryPowerAndNormaliseOnALogScale()
    {
        var p = OrdinalParameter.PowersOfTwo("rows", 4, 256);
        Assert.Multiple(() =>
        {
            Assert.That(p.Values, Is.EqualTo(new double[] { 4, 8, 16, 32, 64, 128, 256 }));
            Assert.That(p.Normalize(4), Is.EqualTo(0));
            Assert.That(p.Normalize(32), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(p.Normalize(256), Is.EqualTo(1));
            Assert.That(p.Denormalize(0.49), Is.EqualTo(32));
            Assert.That(p.Contains(48), Is.False);
            Assert.That(p.TryParse("64", out var v) && v == 64, Is.True);
            Assert.That(p.TryParse("65", out _), Is.False);
        });
    }

    [Test]
    public void CategoricalCarriesTheChoiceIndexAndPrintsTheName()
    {
        var p = new CategoricalParameter("dataflow", ["os", "ws", "is"]);
        Assert.Multiple(() =>
        {
            Assert.That(p.TryParse("WS", out var v), Is.True);
            Assert.That(v, Is.EqualTo(1));
            Assert.That(p.Format(2), Is.EqualTo("is"));
            Assert.That(p.Contains(3), Is.False);
            Assert.That(p.Contains(0.5), Is.False);
            Assert.That(p.DescribeDomain(), Is.EqualTo("one of os, ws, is"));
        });
    }

    [Test]
    public void IntegerRangeSnapsToItsStepGrid()
    {
        var p = new IntegerParameter("n", 2, 21, step: 4);
        Assert.Multiple(() =>
        {
            Assert.That(p.Max, Is.EqualTo(18), "max rounds down onto the grid 2, 6, 10, 14, 18");
            Assert.That(p.Cardinality, Is.EqualTo(5));
            Assert.That(p.Contains(10), Is.True);
            Assert.That(p.Contains(11), Is.False);
            Assert.That(p.Denormalize(0.6), Is.EqualTo(10), "2 + 0.6 * 16 = 11.6 snaps to the nearest grid value");
            Assert.That(p.IndexOf(14), Is.EqualTo(3));
        });
    }

    [Test]
    public void LogScaledRealRoundTripsThroughTheUnitInterval()
    {
        var p = new RealParameter("lr", 1e-4, 1e-1, logScale: true);
        foreach (var v in new[] { 1e-4, 3e-3, 0.05, 0.1 })
            Assert.That(p.Denormalize(p.Normalize(v)), Is.EqualTo(v).Within(1e-12 * v + 1e-15));
        Assert.That(p.Normalize(Math.Sqrt(1e-4 * 1e-1)), Is.EqualTo(0.5).Within(1e-12));
        Assert.That(p.Cardinality, Is.Null);
    }

    [Test]
    public void BadDeclarationsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new OrdinalParameter("x", [4, 2]));
        Assert.Throws<ArgumentException>(() => new CategoricalParameter("x", ["a", "A"]));
        Assert.Throws<ArgumentException>(() => new IntegerParameter("x", 5, 1));
        Assert.Throws<ArgumentException>(() => new RealParameter("x", 0, 1, logScale: true));
        Assert.Throws<ArgumentException>(() => OrdinalParameter.PowersOfTwo("x", 3, 64));
    }
}
