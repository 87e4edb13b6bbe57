using NUnit.Framework;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling.Heft;
using ArchGym.Simulators.Workloads.Soc;
using System.Globalization;

namespace ArchGym.Simulators.Tests.Soc;

/// <summary>Static HEFT on the 10-task, 3-processor example of Topcuoglu et al. 2002 (heft_topcuoglu.csv; makespan 80).</summary>
public class HeftTopcuogluTests
{
    private static (PlannedTask[] Plan, List<Dictionary<string, string>> Rows) PlanTop()
    {
        var soc = SocCatalog.Get(SocCatalog.TopcuogluExample);
        var job = JobCatalog.Get(JobCatalog.TopcuogluExample);
        var timelines = Enumerable.Range(0, soc.PeCount).Select(_ => new PeTimeline()).ToArray();
        var plan = HeftPlanner.Plan(job, soc, timelines, 0);
        return (plan, SharedReference.Csv("heft_topcuoglu.csv").Where(r => r["task(1-based)"] != "makespan").ToList());
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Test]
    public void MakespanIsExactlyEighty()
    {
        var (plan, _) = PlanTop();
        Assert.That(plan.Max(p => p.FinishUs), Is.EqualTo(80.0));
    }

    [Test]
    public void UpwardRanksMatchThePaperWithinOneThousandth()
    {
        var (plan, rows) = PlanTop();
        Assert.That(plan.Select(p => p.UpwardRank), Is.EqualTo(rows.Select(r => D(r["rank_u"]))).Within(1e-3));
    }

    [Test]
    public void ProcessorsStartsAndFinishesMatchThePaper()
    {
        var (plan, rows) = PlanTop();
        Assert.That(plan.Select(p => p.Pe + 1), Is.EqualTo(rows.Select(r => int.Parse(r["proc(1-based)"], CultureInfo.InvariantCulture))));
        Assert.That(plan.Select(p => p.StartUs), Is.EqualTo(rows.Select(r => D(r["start"]))));
        Assert.That(plan.Select(p => p.FinishUs), Is.EqualTo(rows.Select(r => D(r["finish"]))));
    }

    [Test]
    public void InsertionFillsAnIdleGap()
    {
        var line = new PeTimeline();
        line.Reserve(0, 10);
        line.Reserve(30, 40);
        Assert.That(line.EarliestStart(5, 20), Is.EqualTo(10));
        Assert.That(line.EarliestStart(5, 21), Is.EqualTo(40));
    }
}
