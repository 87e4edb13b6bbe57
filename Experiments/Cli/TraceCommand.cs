using System.CommandLine;
using System.IO.Compression;
using System.Text;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym trace generate</c>: a seeded synthetic memory trace from <see cref="TraceGenerators"/>, written line by line
/// (a <c>.gz</c> output is gzip-compressed) in DRAMSys, DRAMsim3 or Ramulator format. The ArchGym patterns (stream,
/// random, cloud-1, cloud-2) are DRAMGym's shapes: 64-byte reads, one per cycle, in 1 GiB.
/// </summary>
public static class TraceCommand
{
    public static IReadOnlyList<string> Patterns { get; } = ["stream", "random", "cloud-1", "cloud-2", "row-conflict", "mixed", "bank-parallel"];

    private sealed record Request(string Pattern, long Count, int Seed, int? Interval, int Streams, long RowStrideBytes, double WriteFraction,
        long SpanBytes, int Banks, int BankShift, string Format, string Output);

    public static Command Create()
    {
        var pattern = new Option<string>("--pattern") { Description = "Access pattern: " + string.Join(", ", Patterns) + ".", Required = true };
        pattern.AcceptOnlyFromAmong([.. Patterns]);
        var count = new Option<long>("--count") { Description = "Requests.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices.", DefaultValueFactory = _ => 0 };
        var interval = new Option<int?>("--interval") { Description = "Cycles between requests (0 = all at cycle 0); the ArchGym patterns are fixed at 1." };
        var streams = new Option<int>("--streams") { Description = "row-conflict: interleaved sequential streams.", DefaultValueFactory = _ => 4 };
        var stride = new Option<long>("--row-stride-bytes") { Description = "row-conflict: bytes between the streams (2^17: another row of bank 0 in the DDR4 reference layout).", DefaultValueFactory = _ => 1 << 17 };
        var writes = new Option<double>("--write-fraction") { Description = "mixed: share of writes.", DefaultValueFactory = _ => 0.3 };
        var span = new Option<long>("--span-bytes") { Description = "mixed: addresses drawn from [0, span).", DefaultValueFactory = _ => 1L << 30 };
        var banks = new Option<int>("--banks") { Description = "bank-parallel: banks rotated over.", DefaultValueFactory = _ => 16 };
        var shift = new Option<int>("--bank-shift") { Description = "bank-parallel: lowest address bit of the bank field (13: DDR4 reference layout).", DefaultValueFactory = _ => 13 };
        var format = new Option<string>("--format") { Description = "stl (DRAMSys), dramsim3 or ramulator (no timestamps: one request per cycle).", DefaultValueFactory = _ => "stl" };
        format.AcceptOnlyFromAmong("stl", "dramsim3", "ramulator");
        var output = new Option<string>("--output") { Description = "Trace file to write (.gz: gzip).", Required = true };
        var generate = new Command("generate", "Write a seeded synthetic memory trace.")
        {
            pattern, count, seed, interval, streams, stride, writes, span, banks, shift, format, output,
        };
        generate.SetAction(pr => CliGuard.Run(() => Run(new Request(pr.GetValue(pattern)!, pr.GetValue(count), pr.GetValue(seed), pr.GetValue(interval),
            pr.GetValue(streams), pr.GetValue(stride), pr.GetValue(writes), pr.GetValue(span), pr.GetValue(banks), pr.GetValue(shift),
            pr.GetValue(format)!, pr.GetValue(output)!))));
        return new Command("trace", "Memory traces for the DRAM simulator.") { generate };
    }

    private static int Run(Request r)
    {
        var source = Source(r);
        var format = r.Format switch { "dramsim3" => TraceFormat.DramSim3, "ramulator" => TraceFormat.Ramulator, _ => TraceFormat.DramSys };
        long written = 0;
        AtomicFile.Write(r.Output, w =>
        {
            if (!r.Output.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                written = TraceWriter.Write(w, source.Read(), format);
                return;
            }

            // AtomicFile's writer is text; gzip goes through its underlying stream.
            w.Flush();
            var file = ((StreamWriter)w).BaseStream;
            using var gz = new StreamWriter(new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true), new UTF8Encoding(false)) { NewLine = "\n" };
            written = TraceWriter.Write(gz, source.Read(), format);
        });
        Console.Error.WriteLine($"archgym: wrote {written} requests ({r.Pattern}, {r.Format}) to {r.Output}");
        return ExitCodes.Ok;
    }

    private static ITraceSource Source(Request r)
    {
        if (r.Count < 1) throw new UserInputException($"trace generate: --count {r.Count}: allowed: at least 1");
        if (r.Interval is < 0) throw new UserInputException($"trace generate: --interval {r.Interval}: allowed: 0 or more cycles");
        bool archGym = r.Pattern is "stream" or "random" or "cloud-1" or "cloud-2";
        if (archGym && r.Interval is not null and not 1)
            throw new UserInputException($"trace generate: --interval {r.Interval}: the ArchGym pattern '{r.Pattern}' issues one request per cycle (drop --interval)");
        if (r.Count > int.MaxValue && archGym && r.Pattern != "stream")
            throw new UserInputException($"trace generate: --count {r.Count}: allowed for {r.Pattern}: at most {int.MaxValue}");
        int interval = r.Interval ?? 1;
        try
        {
            return r.Pattern switch
            {
                "stream" => TraceGenerators.Stream(r.Count, 1),
                "random" or "cloud-1" or "cloud-2" => TraceGenerators.ArchGym(r.Pattern, r.Seed, (int)r.Count),
                "row-conflict" => TraceGenerators.StridedRowConflict(r.Count, Positive(r.Streams, "--streams"), (ulong)Positive(r.RowStrideBytes, "--row-stride-bytes"), interval, r.Seed),
                "mixed" => TraceGenerators.MixedReadWrite(r.Count, (ulong)Positive(r.SpanBytes, "--span-bytes"), Fraction(r.WriteFraction), interval, r.Seed),
                _ => TraceGenerators.BankParallel(r.Count, Positive(r.Banks, "--banks"), BankShift(r.BankShift), interval, r.Seed),
            };
        }
        catch (InvalidConfigException e)
        {
            throw new UserInputException($"trace generate: {e.Message}", e);
        }
    }

    private static T Positive<T>(T value, string flag) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new UserInputException($"trace generate: {flag} {value}: allowed: at least 1");

    private static double Fraction(double f) =>
        f is >= 0 and <= 1 ? f : throw new UserInputException($"trace generate: --write-fraction {f}: allowed: 0 to 1");

    private static int BankShift(int s) =>
        s is >= 6 and <= 40 ? s : throw new UserInputException($"trace generate: --bank-shift {s}: allowed: 6 (above the 64-byte burst) to 40");
}
