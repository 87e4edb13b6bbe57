using System.Globalization;
using System.Text.Json;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym simulate pim</c>: the JSON contract, the simulator's numbers, GEMV against PIMSimulator, determinism.</summary>
public class SimulatePimCommandTests
{
    private static readonly string[] GenerationKeys =
    [
        "latency_per_token_us", "energy_per_token_uj", "vmm_us", "attention_us", "asic_us", "data_movement_us",
        "row_hit_rate", "speedup_vs_gpu", "sim_wall_ms",
    ];

    private static JsonElement Json(params string[] args)
    {
        var r = ArchGymProcess.Run(ArchGymProcess.TempDir(), ["simulate", "pim", .. args, "--format", "json"]);
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        return doc.RootElement.Clone();
    }

    [Test]
    public void JsonHasExactlyTheContractKeysAndTheSimulatorsNumbers()
    {
        var json = Json("--device", "GDDR6_AIM", "--model", "gpt2-small", "--prompt", "16", "--tokens", "8");
        var report = new PimSimulator().Run(new PimConfig(), GptWorkload.Of("gpt2-small", 16, 8));
        Assert.Multiple(() =>
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(GenerationKeys));
            Assert.That(json.GetProperty("latency_per_token_us").GetDouble(), Is.EqualTo(report.LatencyPerTokenUs));
            Assert.That(json.GetProperty("energy_per_token_uj").GetDouble(), Is.EqualTo(report.EnergyPerTokenUj));
            Assert.That(json.GetProperty("vmm_us").GetDouble(), Is.EqualTo(report.VmmUs));
            Assert.That(json.GetProperty("data_movement_us").GetDouble(), Is.EqualTo(report.DataMovementUs));
            Assert.That(json.GetProperty("row_hit_rate").GetDouble(), Is.EqualTo(report.RowHitRate));
            Assert.That(json.GetProperty("speedup_vs_gpu").GetDouble(), Is.EqualTo(report.SpeedupVsGpu));
            Assert.That(json.GetProperty("sim_wall_ms").GetDouble(), Is.GreaterThan(0));
        });
    }

    [Test]
    public void KnobOptionsReachTheSimulator()
    {
        var json = Json("--device", "HBM2_PIM", "--model", "gpt2-small", "--prompt", "4", "--tokens", "4", "--channels", "16",
            "--banks-per-channel", "8", "--mac-lanes", "8", "--global-buffer-bytes", "512", "--asic-clock-mhz", "200",
            "--asic-vector-width", "64", "--mapping", "row-major");
        var config = new PimConfig("HBM2_PIM", 16, 8, 8, 512, 200, 64, MappingPolicy.RowMajor);
        var report = new PimSimulator().Run(config, GptWorkload.Of("gpt2-small", 4, 4));
        Assert.That(json.GetProperty("latency_per_token_us").GetDouble(), Is.EqualTo(report.LatencyPerTokenUs));
    }

    [Test]
    public void DefaultsAreGpt2SmallWith64Plus64Tokens()
    {
        var json = Json("--device", "gddr6_aim");
        var report = new PimSimulator().Run(new PimConfig(), GptWorkload.Of("gpt2-small", 64, 64));
        Assert.That(json.GetProperty("energy_per_token_uj").GetDouble(), Is.EqualTo(report.EnergyPerTokenUj));
    }

    [Test]
    public void SameInputsGiveTheSameOutputApartFromTheWallTime()
    {
        string[] args = ["--device", "HBM2_PIM", "--model", "gpt3-small", "--prompt", "8", "--tokens", "4", "--channels", "32"];
        var a = Json(args);
        var b = Json(args);
        foreach (var key in GenerationKeys.Where(k => k != "sim_wall_ms"))
            Assert.That(b.GetProperty(key).GetDouble(), Is.EqualTo(a.GetProperty(key).GetDouble()), key);
    }

    [Test]
    public void GemvOfHbmPimIsWithinPimSimulatorsTolerance()
    {
        // PIMSimulator (shared/reference/pim): 4096x4096 on 64 pseudo-channels, 13166 PIM and 36082 non-PIM cycles.
        // PIMSimulator's executeGemv layout is row-major.
        var json = Json("--device", "HBM2_PIM", "--gemv", "4096x4096", "--mapping", "row-major");
        Assert.Multiple(() =>
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "out_dim", "in_dim", "gemv_cycles", "nonpim_cycles", "speedup_vs_nonpim", "gemv_us", "row_hit_rate", "sim_wall_ms" }));
            Assert.That(json.GetProperty("gemv_cycles").GetInt64(), Is.EqualTo(13166).Within(1.5).Percent);
            Assert.That(json.GetProperty("nonpim_cycles").GetInt64(), Is.EqualTo(36082).Within(4.4).Percent);
            Assert.That(json.GetProperty("speedup_vs_nonpim").GetDouble(), Is.GreaterThan(1));
            Assert.That(json.GetProperty("gemv_cycles").GetInt64(), Is.EqualTo(new PimSimulator().Gemv(new PimConfig("HBM2_PIM", Mapping: MappingPolicy.RowMajor), 4096, 4096).GemvCycles));
        });
    }

    [Test]
    public void SmallGemvLosesToStreamingRowMajorAsInPimSimulatorAndWinsWithPimGptsMapping()
    {
        // 768x768 on 64 pseudo-channels leaves most PIM blocks idle in executeGemv's layout: PIMSimulator's speed-up is 0.42.
        var rowMajor = Json("--device", "HBM2_PIM", "--gemv", "768X768", "--mapping", "row-major");
        var pimGpt = Json("--device", "HBM2_PIM", "--gemv", "768x768");
        Assert.Multiple(() =>
        {
            Assert.That(rowMajor.GetProperty("speedup_vs_nonpim").GetDouble(), Is.EqualTo(0.415).Within(5).Percent);
            Assert.That(pimGpt.GetProperty("speedup_vs_nonpim").GetDouble(), Is.GreaterThan(1));
        });
    }

    [Test]
    public void TableShowsTheMetricsTheAreaAndTheConfigAndOutputWritesAFile()
    {
        var dir = ArchGymProcess.TempDir();
        var table = ArchGymProcess.Run(dir, "simulate", "pim", "--device", "GDDR6_AIM", "--prompt", "4", "--tokens", "4");
        var file = ArchGymProcess.Run(dir, "simulate", "pim", "--device", "GDDR6_AIM", "--prompt", "4", "--tokens", "4", "--format", "json", "--output", "r.json");
        Assert.Multiple(() =>
        {
            Assert.That(table.ExitCode, Is.Zero, table.StdErr);
            Assert.That(table.StdOut, Does.Contain("gpt2-small 4+4 tokens on GDDR6_AIM 8 ch x 16 banks"));
            foreach (var key in GenerationKeys.Append("area_mm2").Append("tokens_per_s")) Assert.That(table.StdOut, Does.Contain(key));
            Assert.That(file.ExitCode, Is.Zero, file.StdErr);
            Assert.That(file.StdOut, Is.Empty);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "r.json")));
            Assert.That(double.Parse(doc.RootElement.GetProperty("latency_per_token_us").GetRawText(), CultureInfo.InvariantCulture), Is.GreaterThan(0));
        });
    }
}
