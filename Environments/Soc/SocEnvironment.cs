using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling;

namespace ArchGym.Environments.Soc;

/// <summary>
/// <c>soc-v0</c>: choose a heterogeneous SoC (PEs of each type of the base SoC, within an area budget) and its run-time
/// scheduler for a stream of jobs (DS3 / DASH-Sim model). One step builds the platform with
/// <see cref="SocPlatformBuilder.WithCores"/>, simulates the job stream and observes mean job latency, energy, PE area
/// and EDP. Job arrivals and the job mix are random: the run is seeded from <c>Reset(seed)</c>, so the same seed gives
/// identical metrics, and different seeds give different samples (job streams) of the same design. (A run's
/// evaluation cache keys design points only, which is exact because every worker of a run resets with the run's seed.)
/// A design that leaves some task without a capable PE is infeasible, with the task named; so is a run in which no job
/// completes after warm-up (DS3 would report latency 0).
/// </summary>
public sealed class SocEnvironment : EnvironmentBase
{
    public const string Id = "soc-v0";

    /// <summary>Observation space, in order.</summary>
    public static readonly IReadOnlyList<Metric> MetricList =
    [
        new("avg_job_latency_us", "us", Direction.Minimize, "mean job latency after warm-up (DS3 'Ave latency')"),
        new("energy_mj", "mJ", Direction.Minimize, "energy after warm-up (DS3 'Total energy consumption')"),
        new("area_mm2", "mm2", Direction.Minimize, "PE area at 28 nm (PeAreaTable.Dash28nm)"),
        new("edp_us_j", "us*J", Direction.Minimize, "energy-delay product: measured time x energy (DS3 'EDP')"),
    ];

    private readonly SocSimulator _simulator;
    private readonly SocTaskCoverage _coverage;

    public SocEnvironment(SocScenario scenario, IReadOnlyList<SocKnob> knobs, ParameterSpace space, PeAreaTable area, TaskSettings task, SocSimulator? simulator = null)
        : base(Id, scenario.WorkloadName, space, MetricList, task)
    {
        Scenario = scenario;
        Knobs = knobs;
        AreaTable = area;
        _simulator = simulator ?? new SocSimulator();
        _coverage = new SocTaskCoverage(scenario.BaseSoc, scenario.Workload);
    }

    public SocScenario Scenario { get; }

    public IReadOnlyList<SocKnob> Knobs { get; }

    public PeAreaTable AreaTable { get; }

    /// <summary>The platform a design point stands for.</summary>
    public SocPlatform ToPlatform(DesignPoint point) => SocPlatformBuilder.WithCores(Scenario.BaseSoc, SocSpace.Counts(Knobs, point));

    /// <summary>The simulator configuration of a design point, seeded with the seed of the last reset.</summary>
    public SocConfig ToConfig(DesignPoint point) =>
        Scenario.Config(ToPlatform(point), SchedulerFactory.Parse(point.GetText(SocSpace.Scheduler)), Seed);

    protected override MetricResult Evaluate(DesignPoint point)
    {
        if (_coverage.Check(SocSpace.Counts(Knobs, point)) is { } reason) return MetricResult.Infeasible(reason);
        SocReport report;
        double area;
        try
        {
            var config = ToConfig(point);
            area = AreaTable.TotalMm2(config.Platform);
            report = _simulator.Run(config, Scenario.Workload);
        }
        catch (InvalidConfigException e)
        {
            return MetricResult.Infeasible(e.Message);
        }

        // DS3 reports 0 latency and 0 EDP without completions; that would look like the best design, not the worst.
        if (report.CompletedJobs == 0)
            return MetricResult.Infeasible($"no job completed between warm-up and the end of the run ({Scenario.WarmupUs} .. {Scenario.SimulationLengthUs} us)");

        return MetricResult.Ok(Observe(report, area), new Dictionary<string, double>
        {
            ["p95_job_latency_us"] = report.P95LatencyUs,
            ["injected_jobs"] = report.InjectedJobs,
            ["completed_jobs"] = report.CompletedJobs,
            ["completion_rate_jobs_per_ms"] = report.CompletionRatePerMs,
            ["peak_temperature_c"] = report.PeakTemperatureCelsius,
        });
    }

    /// <summary>The metric values of a report and the platform's PE area, in <see cref="MetricList"/> order.</summary>
    public static double[] Observe(SocReport report, double areaMm2) =>
        [report.MeanLatencyUs, report.EnergyJ * 1e3, areaMm2, report.EdpUsJ];
}
