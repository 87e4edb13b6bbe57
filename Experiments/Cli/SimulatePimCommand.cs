using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ArchGym.Experiments.Reports;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Area;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym simulate pim</c>: one GPT generation (prompt + tokens) on a PIM-GPT-class system, or with <c>--gemv</c>
/// one matrix-vector product (to compare with PIMSimulator). Knobs left out take the device's defaults.
/// A bad name, a config the device cannot take or a model that does not fit is one stderr line and exit code 2.
/// </summary>
public static partial class SimulatePimCommand
{
    private sealed record Arguments(
        string Device, string? Model, int? Prompt, int? Tokens, int? Channels, int? BanksPerChannel, int? MacLanes,
        int? GlobalBufferBytes, double? AsicClockMhz, int? AsicVectorWidth, string Mapping, string? Gemv, string Format, string? Output);

    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "PIM device: GDDR6_AIM (PIM-GPT's 8 x 16 banks) or HBM2_PIM (64 pseudo-channels).", Required = true };
        var model = new Option<string?>("--model") { Description = "GPT model (default gpt2-small): " + string.Join(", ", GptCatalog.Names) + "." };
        var prompt = new Option<int?>("--prompt") { Description = "Prompt tokens processed first (default 64)." };
        var tokens = new Option<int?>("--tokens") { Description = "Tokens generated (default 64); per-token figures are means over them." };
        var channels = new Option<int?>("--channels") { Description = "Channels (HBM pseudo-channels)." };
        var banks = new Option<int?>("--banks-per-channel") { Description = "Banks per channel (a multiple of the device's bank groups)." };
        var lanes = new Option<int?>("--mac-lanes") { Description = "MAC lanes per PIM unit (a power of two)." };
        var buffer = new Option<int?>("--global-buffer-bytes") { Description = "Per-channel input buffer in bytes (a power of two)." };
        var clock = new Option<double?>("--asic-clock-mhz") { Description = "ASIC clock in MHz (default 1000)." };
        var width = new Option<int?>("--asic-vector-width") { Description = "ASIC vector lanes (default 256)." };
        var mapping = new Option<string>("--mapping") { Description = "VMM data layout.", DefaultValueFactory = _ => "pim-gpt" };
        mapping.AcceptOnlyFromAmong("pim-gpt", "row-major");
        var gemv = new Option<string?>("--gemv") { Description = "Price one <out>x<in> matrix-vector product instead of a generation, e.g. 4096x4096." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of the console." };
        var cmd = new Command("pim", "Simulate GPT generation (or one GEMV) on a PIM-GPT-class processing-in-memory system.")
        {
            device, model, prompt, tokens, channels, banks, lanes, buffer, clock, width, mapping, gemv, format, output,
        };
        cmd.SetAction(pr => CliGuard.Run(() => Run(new Arguments(
            pr.GetValue(device)!, pr.GetValue(model), pr.GetValue(prompt), pr.GetValue(tokens), pr.GetValue(channels), pr.GetValue(banks),
            pr.GetValue(lanes), pr.GetValue(buffer), pr.GetValue(clock), pr.GetValue(width), pr.GetValue(mapping)!, pr.GetValue(gemv),
            pr.GetValue(format)!, pr.GetValue(output)))));
        return cmd;
    }

    private static int Run(Arguments a)
    {
        bool isGemv = a.Gemv is not null;
        if (isGemv && (a.Model is not null || a.Prompt is not null || a.Tokens is not null))
            throw new UserInputException("simulate pim: --gemv prices one matrix-vector product; drop --model, --prompt and --tokens");
        try
        {
            var config = new PimConfig(a.Device, a.Channels, a.BanksPerChannel, a.MacLanes, a.GlobalBufferBytes,
                a.AsicClockMhz ?? 1000, a.AsicVectorWidth ?? 256, MappingPolicyNames.Parse(a.Mapping));
            var (title, values) = isGemv ? Gemv(config, a.Gemv!) : Generation(config, a);
            Write(a, title, values);
            return ExitCodes.Ok;
        }
        catch (InvalidConfigException e)
        {
            throw new UserInputException($"simulate pim: {OptionOf(e.Field, isGemv)}: {e.Message}", e);
        }
    }

    private static (string Title, IReadOnlyDictionary<string, object> Values) Generation(PimConfig config, Arguments a)
    {
        var workload = GptWorkload.Of(a.Model ?? "gpt2-small", a.Prompt ?? 64, a.Tokens ?? 64);
        var simulator = new PimSimulator();
        var watch = Stopwatch.StartNew();
        var report = simulator.Run(config, workload);
        watch.Stop();
        var ms = watch.Elapsed.TotalMilliseconds;
        var title = $"{workload.Model.Name} {workload.PromptTokens}+{workload.GeneratedTokens} tokens on {Describe(config)}";
        return (title, a.Format == "json" ? PimResultWriter.Generation(report, ms) : PimResultWriter.GenerationTable(report, PimAreaModel.Estimate(config), ms));
    }

    private static (string Title, IReadOnlyDictionary<string, object> Values) Gemv(PimConfig config, string shape)
    {
        var (outDim, inDim) = ParseGemv(shape);
        var simulator = new PimSimulator();
        var watch = Stopwatch.StartNew();
        var report = simulator.Gemv(config, outDim, inDim);
        watch.Stop();
        return ($"GEMV {outDim}x{inDim} on {Describe(config)}", PimResultWriter.Gemv(report, watch.Elapsed.TotalMilliseconds));
    }

    /// <summary>Parses <c>&lt;out&gt;x&lt;in&gt;</c>, both whole numbers of at least 1.</summary>
    public static (int Out, int In) ParseGemv(string text)
    {
        var m = GemvShape().Match(text.Trim());
        if (m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var o)
            && int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && o >= 1 && i >= 1)
            return (o, i);
        throw new UserInputException($"simulate pim: --gemv '{text}': expected <out>x<in>, whole numbers >= 1 (e.g. 4096x4096)");
    }

    [GeneratedRegex("^([0-9]+)[xX]([0-9]+)$")]
    private static partial Regex GemvShape();

    private static void Write(Arguments a, string title, IReadOnlyDictionary<string, object> values)
    {
        void Emit(TextWriter w)
        {
            if (a.Format == "json") PimResultWriter.WriteJson(w, values);
            else PimResultWriter.WriteTable(w, title, values);
        }

        if (a.Output is not null) AtomicFile.Write(a.Output, Emit);
        else Emit(Console.Out);
    }

    private static string Describe(PimConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Device} {c.Channels} ch x {c.BanksPerChannel} banks, {c.MacLanesPerBank} lanes, {c.GlobalBufferBytes} B buffer, ASIC {c.AsicClockMhz:R} MHz x {c.AsicVectorWidth}, {c.Mapping.ToName()}");

    // The simulator names its own fields; the user typed options.
    private static string OptionOf(string field, bool gemv) => field switch
    {
        "Device" => "--device",
        "Channels" => "--channels",
        "BanksPerChannel" => "--banks-per-channel",
        "MacLanesPerBank" => "--mac-lanes",
        "GlobalBufferBytes" => "--global-buffer-bytes",
        "AsicClockMhz" => "--asic-clock-mhz",
        "AsicVectorWidth" => "--asic-vector-width",
        "Mapping" => "--mapping",
        "PromptTokens" => "--prompt",
        "GeneratedTokens" => "--tokens",
        "model" or "outDim" or "inDim" when gemv => "--gemv",
        "model" or "Model" => "--model",
        _ => field,
    };
}
