using ArchGym.Environments.Core.Registry;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;

namespace ArchGym.Environments.Soc;

/// <summary>
/// What a SoC environment simulates besides the design: the base SoC, the job mix and DS3's run settings
/// (injection rate, length, warm-up). Read from the options <c>soc</c>, <c>jobs</c>, <c>mean_interarrival_us</c>,
/// <c>sim_length_us</c>, <c>warmup_us</c> shared by <c>soc-v0</c> and <c>soc-sched-v0</c>.
/// </summary>
public sealed record SocScenario(
    SocPlatform BaseSoc,
    SocWorkload Workload,
    string WorkloadName,
    double MeanInterArrivalUs,
    double SimulationLengthUs,
    double WarmupUs)
{
    public const string SocOption = "soc";
    public const string JobsOption = "jobs";
    public const string MeanInterArrivalOption = "mean_interarrival_us";
    public const string SimulationLengthOption = "sim_length_us";
    public const string WarmupOption = "warmup_us";

    /// <summary>DS3's standard mix (shared/reference/soc/sample_ds3.csv): 80 % WiFi TX, 20 % WiFi RX.</summary>
    public const string StandardJobs = "WiFi_TX 0.8 / WiFi_RX 0.2";

    /// <summary>Run defaults of an environment (DS3's sample: 200 us mean inter-arrival, 50 ms, 10 ms warm-up).</summary>
    public sealed record Defaults(double MeanInterArrivalUs = 200, double SimulationLengthUs = 50_000, double WarmupUs = 10_000);

    public static IReadOnlyList<OptionSpec> OptionSpecs(Defaults defaults) =>
    [
        new(SocOption, SocCatalog.DashStandard, "base SoC: a catalog name (" + string.Join(", ", SocCatalog.Names) + ") or a DS3 SoC.*.txt file"),
        new(JobsOption, StandardJobs, "job mix: '<job name or file> <probability>' entries separated by '/' or ','; probabilities sum to 1"),
        new(MeanInterArrivalOption, F(defaults.MeanInterArrivalUs), "mean of the exponential job inter-arrival time, us (DS3 scale; injection rate = 1/x)"),
        new(SimulationLengthOption, F(defaults.SimulationLengthUs), "simulated time per run, us"),
        new(WarmupOption, F(defaults.WarmupUs), "leading time left out of the statistics, us (< sim_length_us; when not given, at most half of sim_length_us)"),
    ];

    public static SocScenario FromOptions(EnvironmentOptions options, Defaults defaults)
    {
        var soc = SocInputs.Platform(options.GetString(SocOption, SocCatalog.DashStandard));
        var jobs = options.GetString(JobsOption, StandardJobs);
        var workload = SocInputs.ParseMix(jobs);
        workload.Validate(soc);
        var length = options.GetDouble(SimulationLengthOption, defaults.SimulationLengthUs, 1, 1e9);
        var warmup = options.GetDouble(WarmupOption, Math.Min(defaults.WarmupUs, length / 2), 0, length);
        if (warmup >= length) throw new ArgumentException($"option '{WarmupOption}': {warmup} is not allowed; expected less than {SimulationLengthOption} ({length})");
        var scale = options.GetDouble(MeanInterArrivalOption, defaults.MeanInterArrivalUs, 1e-3, 1e9);
        return new SocScenario(soc, workload, Describe(workload), scale, length, warmup);
    }

    /// <summary>The simulator configuration of a run on <paramref name="platform"/> (DS3 performance mode, PE-to-PE).</summary>
    public SocConfig Config(SocPlatform platform, SchedulerKind scheduler, int seed) => new()
    {
        Platform = platform,
        Scheduler = scheduler,
        MeanInterArrivalUs = MeanInterArrivalUs,
        SimulationLengthUs = SimulationLengthUs,
        WarmupUs = WarmupUs,
        Seed = seed,
    };

    private static string Describe(SocWorkload workload) =>
        string.Join(" / ", workload.Mix.Select(m => $"{m.Job.Name} {F(m.Probability)}"));

    private static string F(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
