using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ArchGym.Environments.Soc;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Scheduling;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary><c>archgym simulate soc</c>: one DS3-style run of a job stream on a heterogeneous SoC.</summary>
public static class SimulateSocCommand
{
    /// <summary>The report fields printed, in order (the json keys).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "avg_job_latency_us", "p95_job_latency_us", "injected_jobs", "completed_jobs", "injection_rate_jobs_per_ms",
        "completion_rate_jobs_per_ms", "energy_j", "edp_us_j", "sim_wall_ms",
    ];

    public static Command Create()
    {
        var soc = new Option<string>("--soc") { Description = "DS3 SoC.*.txt file or a built-in SoC: " + string.Join(", ", Simulators.Soc.Platform.SocCatalog.Names) + ".", Required = true };
        var jobs = new Option<string[]>("--jobs") { Description = "DS3 job_*.txt files or built-in jobs (WiFi_TX, WiFi_RX, job_LAG, ...).", Required = true, AllowMultipleArgumentsPerToken = true };
        var probabilities = new Option<double[]>("--job-probabilities") { Description = "One probability per job, summing to 1 (default: equal).", AllowMultipleArgumentsPerToken = true };
        var scheduler = new Option<string>("--scheduler") { Description = "MET, ETF, EFT, STF, HEFT, HEFT_RT or random.", DefaultValueFactory = _ => "ETF" };
        var interArrival = new Option<double>("--mean-interarrival-us") { Description = "Mean exponential job inter-arrival time, us (DS3 scale).", DefaultValueFactory = _ => 200 };
        var length = new Option<double>("--sim-length-us") { Description = "Simulated time, us.", DefaultValueFactory = _ => 50_000 };
        var warmup = new Option<double>("--warmup-us") { Description = "Leading time left out of the statistics, us.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the job arrivals and the job mix.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var cmd = new Command("soc", "Simulate jobs on a heterogeneous SoC (DS3 / DASH-Sim model and file formats).")
        {
            soc, jobs, probabilities, scheduler, interArrival, length, warmup, seed, format,
        };
        cmd.SetAction(pr => CliGuard.Run(() => Run(new Request(
            pr.GetValue(soc)!, pr.GetValue(jobs) ?? [], pr.GetValue(probabilities), pr.GetValue(scheduler)!, pr.GetValue(interArrival),
            pr.GetValue(length), pr.GetValue(warmup), pr.GetValue(seed), pr.GetValue(format)!))));
        return cmd;
    }

    private sealed record Request(string Soc, string[] Jobs, double[]? Probabilities, string Scheduler, double MeanInterArrivalUs,
        double SimulationLengthUs, double WarmupUs, int Seed, string Format);

    private static int Run(Request r)
    {
        var kind = SchedulerFactory.Parse(r.Scheduler);
        if (kind == SchedulerKind.Policy)
            throw new UserInputException($"--scheduler {r.Scheduler}: needs an agent choosing tasks (the soc-sched-v0 environment); allowed here: {string.Join(", ", SocSpace.Schedulers)}");
        if (r.Probabilities is { Length: > 0 } p && p.Length != r.Jobs.Length)
            throw new UserInputException($"--job-probabilities: {p.Length} value(s) for {r.Jobs.Length} job(s) in --jobs; give one per job");
        var probabilities = r.Probabilities is { Length: > 0 } given ? given : Enumerable.Repeat(1.0 / r.Jobs.Length, r.Jobs.Length).ToArray();
        if (Math.Abs(probabilities.Sum() - 1) > 1e-6 || probabilities.Any(x => !(x >= 0)))
            throw new UserInputException($"--job-probabilities {string.Join(" ", probabilities.Select(F))}: allowed: non-negative numbers summing to 1");
        var platform = SocInputs.Platform(r.Soc);
        var workload = SocInputs.Mix(r.Jobs, probabilities);
        var config = new SocConfig
        {
            Platform = platform, Scheduler = kind, MeanInterArrivalUs = r.MeanInterArrivalUs, SimulationLengthUs = r.SimulationLengthUs,
            WarmupUs = r.WarmupUs, Seed = r.Seed,
        };
        config.Validate();
        workload.Validate(platform);

        var clock = Stopwatch.StartNew();
        var report = new SocSimulator().Run(config, workload);
        var wallMs = clock.Elapsed.TotalMilliseconds;

        var values = Values(report, wallMs);
        if (r.Format == "json") WriteJson(Console.Out, values);
        else WriteTable(values, $"{platform.Name}, {report.Scheduler}, seed {r.Seed}");
        return ExitCodes.Ok;
    }

    private static (string Key, double Value, bool Whole)[] Values(SocReport report, double wallMs) =>
    [
        (Keys[0], report.MeanLatencyUs, false), (Keys[1], report.P95LatencyUs, false), (Keys[2], report.InjectedJobs, true),
        (Keys[3], report.CompletedJobs, true), (Keys[4], report.InjectionRatePerMs, false), (Keys[5], report.CompletionRatePerMs, false),
        (Keys[6], report.EnergyJ, false), (Keys[7], report.EdpUsJ, false), (Keys[8], wallMs, false),
    ];

    private static void WriteJson(TextWriter w, (string Key, double Value, bool Whole)[] values)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (key, value, whole) in values)
            {
                if (whole) json.WriteNumber(key, (long)value);
                else json.WriteNumber(key, value);
            }
            json.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable((string Key, double Value, bool Whole)[] values, string title)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns("metric", "value");
        foreach (var (key, value, whole) in values)
            table.AddRow(key, whole ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("0.######", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
