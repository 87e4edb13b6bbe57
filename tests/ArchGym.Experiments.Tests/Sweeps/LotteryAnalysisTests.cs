using ArchGym.Experiments.Reports;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Tests.Sweeps;

/// <summary>Quartiles and the lottery summary, on hand-made run records with known answers.</summary>
public class LotteryAnalysisTests
{
    [Test]
    public void QuartilesInterpolateLikeNumPy()
    {
        var s = Quantiles.Sorted([4.0, 1, 3, 2]);
        Assert.Multiple(() =>
        {
            Assert.That(Quantiles.Of(s, 0.25), Is.EqualTo(1.75));
            Assert.That(Quantiles.Of(s, 0.5), Is.EqualTo(2.5));
            Assert.That(Quantiles.Of(s, 1), Is.EqualTo(4));
            Assert.That(Quantiles.Of([], 0.5), Is.NaN);
            Assert.That(Quantiles.Median([3.0, double.PositiveInfinity]), Is.EqualTo(double.PositiveInfinity), "half never reached: not reached");
            Assert.That(Quantiles.Median([3.0, 5, double.PositiveInfinity]), Is.EqualTo(5));
        });
    }

    private static RunRecord Run(string agent, int moves, int seed, double? reward, long? toTarget, string? formulation = null) => new(
        $"{seed:D5}-00000000", "/nowhere",
        new RunManifest("t", "complete", "s.yaml", "synthetic-v0", "levels", new Dictionary<string, string>(), formulation,
            new Dictionary<string, double>(), new Dictionary<string, double> { ["loss"] = 1 }, [new MetricInfo("loss", "1", "minimize")], agent,
            new Dictionary<string, string> { ["moves"] = moves.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            10, 1, 1, seed, 10, 10, 0,
            reward is { } r ? new BestPoint(0, r, new Dictionary<string, string>(), new Dictionary<string, double> { ["loss"] = -r }) : null,
            toTarget, 0.1, 100, new Dictionary<string, string>()));

    [Test]
    public void TheLotterySummarisesSettingsOverTheirSeedMedians()
    {
        RunRecord[] records =
        [
            Run("walk", 1, 1, -3, null), Run("walk", 1, 2, -1, null), Run("walk", 1, 3, -2, null), // median -2, never
            Run("walk", 2, 1, 0, 5), Run("walk", 2, 2, 0, 9), Run("walk", 2, 3, -1, null),        // median 0, median(5, 9, inf) = 9
            Run("walk", 3, 1, 0, 4), Run("walk", 3, 2, 0, 2), Run("walk", 3, 3, 0, 30),            // median 0, 4: the best
            Run("search", 1, 1, null, null),                                                       // nothing feasible
        ];
        var lottery = LotteryAnalysis.Compute(records);
        var walk = lottery[0];
        Assert.Multiple(() =>
        {
            Assert.That(lottery.Select(l => l.Agent), Is.EqualTo(new[] { "walk", "search" }));
            Assert.That(walk.Settings, Is.EqualTo(3));
            Assert.That(walk.Runs, Is.EqualTo(9));
            Assert.That(walk.BestReward, Is.EqualTo(new FiveNumbers(-2, -1, 0, 0, 0, 3)));
            Assert.That(walk.FractionReachingTarget, Is.EqualTo(2 / 3.0));
            Assert.That(walk.BestSetting.Setting, Is.EqualTo("budget=10;moves=3"), "a tie on reward goes to the fewer evaluations to target");
            Assert.That(walk.BestSetting.MedianEvaluationsToTarget, Is.EqualTo(4));
            Assert.That(lottery[1].BestReward.Count, Is.Zero);
            Assert.That(lottery[1].FractionReachingTarget, Is.Zero);
            Assert.That(LotteryTable.Evaluations(lottery[1].BestSetting), Is.Empty);
        });
    }

    [Test]
    public void TheTablesHaveOneRowPerRunAndPerAgent()
    {
        RunRecord[] records = [Run("walk", 1, 1, -3, null), Run("walk", 2, 1, 0, 7)];
        var sweep = new StringWriter { NewLine = "\n" };
        SweepTable.Write(sweep, records);
        var lottery = new StringWriter { NewLine = "\n" };
        LotteryTable.Write(lottery, LotteryAnalysis.Compute(records));
        var rows = sweep.ToString().TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo("run_id,environment,workload,reward,agent,seed,budget,hp_moves,evaluations,feasible_evaluations,best_reward,best_loss,evaluations_to_target,wall_seconds"));
            Assert.That(rows[1], Is.EqualTo("00001-00000000,synthetic-v0,levels,,walk,1,10,1,10,10,-3,3,,0.1"));
            Assert.That(rows[2], Is.EqualTo("00001-00000000,synthetic-v0,levels,,walk,1,10,2,10,10,0,-0,7,0.1"));
            Assert.That(lottery.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(2));
            Assert.That(lottery.ToString(), Does.Contain("synthetic-v0,levels,,walk,2,2,-3,-2.25,-1.5,-0.75,0,0.5,budget=10;moves=2,0,7"));
        });
    }

    [Test]
    public void RunsUnderDifferentRewardFormulationsAreSeparateLotteries()
    {
        // The same agent and setting on one environment, scored two ways: the rewards do not compare, so no median mixes them.
        RunRecord[] records = [Run("walk", 1, 1, -3, null, "power"), Run("walk", 1, 2, -1, null, "power"), Run("walk", 1, 1, 5, 2, "latency")];
        var lottery = LotteryAnalysis.Compute(records);
        var sweep = new StringWriter { NewLine = "\n" };
        SweepTable.Write(sweep, records);
        Assert.Multiple(() =>
        {
            Assert.That(lottery.Select(l => (l.Reward, l.Runs)), Is.EqualTo(new[] { ("power", 2), ("latency", 1) }));
            Assert.That(lottery[0].BestReward.Median, Is.EqualTo(-2));
            Assert.That(lottery[1].FractionReachingTarget, Is.EqualTo(1));
            Assert.That(sweep.ToString().Split('\n')[3], Does.StartWith("00001-00000000,synthetic-v0,levels,latency,walk,"));
        });
    }
}
