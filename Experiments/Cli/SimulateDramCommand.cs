using System.CommandLine;
using System.Diagnostics;
using ArchGym.Experiments.Reports;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym simulate dram</c>: one trace through the DRAM simulator. The controller starts from DRAMSys's defaults, or
/// from a DRAMSys mcconfig JSON (<c>--config</c>), and each knob flag (the kebab-case of the DRAMSys name) overrides one
/// knob. The trace is streamed; <c>sim_wall_ms</c> is the simulation's own time (trace reading and parsing, timed per
/// block, are left out). Any bad input is one stderr line naming the flag, file and line, and exit code 2.
/// </summary>
public static class SimulateDramCommand
{
    /// <summary>Knob flags and the DRAMSys knob each sets, in DRAMGym's order.</summary>
    public static IReadOnlyList<(string Flag, string Knob)> KnobFlags { get; } =
    [
        ("--page-policy", "PagePolicy"), ("--scheduler", "Scheduler"), ("--scheduler-buffer", "SchedulerBuffer"),
        ("--request-buffer-size", "RequestBufferSize"), ("--resp-queue", "RespQueue"), ("--refresh-policy", "RefreshPolicy"),
        ("--refresh-max-postponed", "RefreshMaxPostponed"), ("--refresh-max-pulledin", "RefreshMaxPulledin"), ("--arbiter", "Arbiter"),
        ("--max-active-transactions", "MaxActiveTransactions"),
    ];

    /// <summary>Requests of the warm-up run (1 MiB of random reads: inside every standard's capacity).</summary>
    public const int WarmUpRequests = 3000;

    private sealed record Arguments(string Standard, string Trace, string? TraceFormat, string? AddressMapping, string? Config,
        IReadOnlyList<KeyValuePair<string, string>> Knobs, string TimingMode, string Format, string? Output);

    public static Command Create()
    {
        var standard = new Option<string>("--standard") { Description = "DRAM standard: " + string.Join(", ", StandardCatalog.Names) + ".", Required = true };
        var trace = new Option<string>("--trace") { Description = "Trace file (DRAMSys .stl, DRAMsim3 or Ramulator; gzip ok), streamed.", Required = true };
        var traceFormat = new Option<string?>("--trace-format") { Description = "Trace format (default: detected from the first line)." };
        traceFormat.AcceptOnlyFromAmong("stl", "dramsim3", "ramulator");
        var mapping = new Option<string?>("--address-mapping") { Description = "Address fields from the most significant bit above the 64-byte burst offset (default for DDR4: row,bank,bankgroup,column)." };
        var config = new Option<string?>("--config") { Description = "DRAMSys mcconfig JSON: the controller to start from (default: DRAMSys's defaults)." };
        var timing = new Option<string>("--timing-mode") { Description = "jedec (JEDEC-legal auto-precharge) or dramsys5 (DRAMSys 5's own).", DefaultValueFactory = _ => "jedec" };
        timing.AcceptOnlyFromAmong("jedec", "dramsys5");
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of the console." };
        var knobs = KnobFlags.Select(k => new Option<string?>(k.Flag) { Description = $"{k.Knob}: {ControllerKnobs.Allowed(k.Knob)}." }).ToArray();
        var cmd = new Command("dram", "Simulate a memory trace on a DRAM device behind a DRAMSys-style controller (DRAMSys knob names and values).")
        {
            standard, trace, traceFormat, mapping, config, timing, format, output,
        };
        foreach (var k in knobs) cmd.Options.Add(k);
        cmd.SetAction(pr => CliGuard.Run(() => Run(new Arguments(
            pr.GetValue(standard)!, pr.GetValue(trace)!, pr.GetValue(traceFormat), pr.GetValue(mapping), pr.GetValue(config),
            knobs.Select((o, i) => (Value: pr.GetValue(o), Knob: KnobFlags[i].Knob)).Where(p => p.Value is not null)
                .Select(p => KeyValuePair.Create(p.Knob, p.Value!)).ToArray(),
            pr.GetValue(timing)!, pr.GetValue(format)!, pr.GetValue(output)))));
        return cmd;
    }

    private static int Run(Arguments a)
    {
        DramConfig config;
        TimedTrace trace;
        try
        {
            var s = StandardCatalog.Get(a.Standard);
            var controller = a.Config is null ? new ControllerConfig() : ReadMcConfig(a.Config);
            foreach (var (knob, value) in a.Knobs) controller = ControllerKnobs.With(controller, knob, value);
            var mapping = a.AddressMapping is null ? null : AddressMapping.Parse(a.AddressMapping, s);
            config = new DramConfig(s.Name, controller.Validate(), mapping, timingMode: a.TimingMode == "dramsys5" ? TimingMode.DramSys5 : TimingMode.Jedec);
            if (!File.Exists(a.Trace)) throw new UserInputException($"simulate dram: --trace: '{a.Trace}' not found");
            trace = new TimedTrace(new TraceFile(a.Trace, a.TraceFormat switch
            {
                "stl" => TraceFormat.DramSys, "dramsim3" => TraceFormat.DramSim3, "ramulator" => TraceFormat.Ramulator, _ => TraceFormat.Auto,
            }));
        }
        catch (InvalidConfigException e)
        {
            throw new UserInputException($"simulate dram: {OptionOf(e.Field)}: {e.Message}", e);
        }

        DramReport report;
        var simulator = new DramSimulator();
        // A short synthetic run first compiles the simulator's code (JIT start-up), so sim_wall_ms measures simulation.
        simulator.Run(config with { RecordCommands = false }, TraceGenerators.Random(WarmUpRequests, 1UL << 20, 1, 0));
        var clock = Stopwatch.StartNew();
        try
        {
            report = simulator.Run(config, trace);
        }
        catch (InvalidConfigException e)
        {
            throw new UserInputException($"simulate dram: --trace {a.Trace}: {e.Message}", e);
        }

        var simMs = Math.Max(0, (clock.Elapsed - trace.ParseElapsed).TotalMilliseconds);
        var title = $"{Path.GetFileName(a.Trace)} on {config.Standard}";
        void Emit(TextWriter w)
        {
            if (a.Format == "json") DramResultWriter.WriteJson(w, report, simMs);
            else DramResultWriter.WriteTable(w, title, report, simMs, trace.ParseElapsed.TotalMilliseconds);
        }

        if (a.Output is not null) AtomicFile.Write(a.Output, Emit);
        else Emit(Console.Out);
        return ExitCodes.Ok;
    }

    // The simulator names DRAMSys fields; the user typed flags.
    private static string OptionOf(string field)
    {
        foreach (var (flag, knob) in KnobFlags)
            if (knob.Equals(field, StringComparison.OrdinalIgnoreCase) || (knob == "RequestBufferSize" && field.StartsWith(knob, StringComparison.Ordinal)))
                return flag;
        return field switch
        {
            "Standard" => "--standard",
            "AddressMapping" => "--address-mapping",
            _ => field,
        };
    }

    private static ControllerConfig ReadMcConfig(string path)
    {
        try
        {
            return McConfigReader.ReadFile(path);
        }
        catch (InvalidConfigException e)
        {
            throw new UserInputException($"simulate dram: --config: {e.Message}", e);
        }
    }
}
