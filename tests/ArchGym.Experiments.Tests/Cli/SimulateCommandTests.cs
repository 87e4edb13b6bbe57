using System.Text.Json;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym simulate systolic</c> on SCALE-Sim's own files.</summary>
public class SimulateCommandTests
{
    private static string Reference(params string[] parts) =>
        Path.Combine([ArchGymProcess.RepoRoot(), "..", "shared", "reference", "scalesim", .. parts]);

    private const string Header = "layer,total_cycles,compute_cycles,stall_cycles,overall_util_pct,mapping_eff_pct,ifmap_sram_reads,filter_sram_reads,ofmap_sram_writes,ifmap_dram_reads,filter_dram_reads,ofmap_dram_writes,energy_pj,area_mm2";

    [Test]
    public void CsvHasTheContractColumnsAndScaleSimsNumbers()
    {
        // sample.csv: AlexNet Conv1 on 32x32 ws calc reports 112283 total cycles (README worked example).
        var r = ArchGymProcess.Run(ArchGymProcess.TempDir(), "simulate", "systolic",
            "--config", Reference("configs", "golden_alexnet_part_32x32_ws.cfg"), "--topology", Reference("topologies", "alexnet_part.csv"), "--format", "csv");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var lines = r.StdOut.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo(Header));
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[1].Split(',')[1], Is.EqualTo("112283"));
        });
    }

    [Test]
    public void GemmTopologyIsRecognisedFromItsHeaderAndJsonUsesTheSameNames()
    {
        var dir = ArchGymProcess.TempDir();
        var r = ArchGymProcess.Run(dir, "simulate", "systolic", "--config", Reference("configs", "a8x8_os_calc64.cfg"),
            "--topology", Reference("topologies", "gemm_64x64x64.csv"), "--format", "json", "--output", "out.json");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out.json")));
        var row = doc.RootElement[0];
        Assert.Multiple(() =>
        {
            Assert.That(row.EnumerateObject().Select(p => p.Name), Is.EqualTo(Header.Split(',')));
            // 64x64x64 GEMM on 8x8 os: 8x8 folds of 64 + 8 + 8 - 2 cycles, minus SCALE-Sim's 1.
            Assert.That(row.GetProperty("compute_cycles").GetInt64(), Is.EqualTo(64 * (64 + 8 + 8 - 2) - 1));
        });
    }

    [Test]
    public void CatalogWorkloadRunsWithoutATopologyFile()
    {
        var r = ArchGymProcess.Run(ArchGymProcess.TempDir(), "simulate", "systolic", "--config", Reference("configs", "timing_128x128_ws_calc.cfg"),
            "--workload", "resnet50", "--format", "csv");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var totals = r.StdOut.TrimEnd().Split('\n').Skip(1).Sum(l => long.Parse(l.Split(',')[1]));
        // SCALE-Sim's timing table: 876,832 cycles for ResNet-50 on 128x128 ws.
        Assert.That(totals, Is.EqualTo(876_832));
    }
}
