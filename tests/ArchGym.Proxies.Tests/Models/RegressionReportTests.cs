using ArchGym.Proxies.Validation;

namespace ArchGym.Proxies.Tests.Models;

/// <summary>The metrics on cases small enough to compute by hand.</summary>
public class RegressionReportTests
{
    [Test]
    public void FourPointsByHand()
    {
        // errors 0,0,0,2: RMSE = sqrt(4/4) = 1; mean 2.5 -> 40 %; range 3 -> 33.3 %; MAPE = (2/4)/4 = 12.5 %;
        // SST = 2.25+0.25+0.25+2.25 = 5, R² = 1 - 4/5 = 0.2; every pair keeps its order: τ = 1.
        var r = RegressionReport.Compute([1, 2, 3, 4], [1, 2, 3, 6]);
        Assert.Multiple(() =>
        {
            Assert.That(r.Count, Is.EqualTo(4));
            Assert.That(r.Rmse, Is.EqualTo(1).Within(1e-12));
            Assert.That(r.RmsePctOfMean, Is.EqualTo(40).Within(1e-9));
            Assert.That(r.RmsePctOfRange, Is.EqualTo(100.0 / 3).Within(1e-9));
            Assert.That(r.MapePct, Is.EqualTo(12.5).Within(1e-9));
            Assert.That(r.R2, Is.EqualTo(0.2).Within(1e-12));
            Assert.That(r.KendallTau, Is.EqualTo(1));
        });
    }

    [Test]
    public void KendallTauReversedAndWithTies()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Kendall.TauB([1, 2, 3], [3, 2, 1]), Is.EqualTo(-1));
            // Pairs: (0,1) tied in x, (0,2) and (1,2) concordant: τ-b = 2 / sqrt((3-1)(3-0)).
            Assert.That(Kendall.TauB([1, 1, 2], [1, 2, 3]), Is.EqualTo(2 / Math.Sqrt(6)).Within(1e-12));
            // One concordant, one discordant, one more concordant: x = 1,2,3; y = 1,3,2 -> (2 - 1) / 3.
            Assert.That(Kendall.TauB([1, 2, 3], [1, 3, 2]), Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(double.IsNaN(Kendall.TauB([1, 1], [1, 2])), Is.True, "a constant side has no ranking");
        });
    }

    [Test]
    public void PerfectPredictionsAndTheMeanPredictor()
    {
        var perfect = RegressionReport.Compute([2, 4, 8], [2, 4, 8]);
        var mean = RegressionReport.Compute([2, 4, 8], [14.0 / 3, 14.0 / 3, 14.0 / 3]);
        Assert.Multiple(() =>
        {
            Assert.That(perfect.Rmse, Is.Zero);
            Assert.That(perfect.R2, Is.EqualTo(1));
            Assert.That(mean.R2, Is.EqualTo(0).Within(1e-12), "predicting the mean explains nothing");
        });
    }
}
