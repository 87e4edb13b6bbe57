using System.CommandLine;
using ArchGym.Experiments.Reports;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.ScaleSimFiles;
using ArchGym.Simulators.Workloads.Dnn;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym simulate</c>: <c>systolic</c> (one SCALE-Sim-style simulation, one row per layer, here), <c>pim</c>
/// (<see cref="SimulatePimCommand"/>), <c>soc</c> (<see cref="SimulateSocCommand"/>) and <c>dram</c> (<see cref="SimulateDramCommand"/>).
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var simulate = new Command("simulate", "Run one simulator directly on its own input files.");
        simulate.Subcommands.Add(Systolic());
        simulate.Subcommands.Add(SimulatePimCommand.Create());
        simulate.Subcommands.Add(SimulateSocCommand.Create());
        simulate.Subcommands.Add(SimulateDramCommand.Create());
        return simulate;
    }

    private static Command Systolic()
    {
        var config = new Option<string>("--config") { Description = "SCALE-Sim .cfg file (array, dataflow, SRAM sizes, bandwidth).", Required = true };
        var topology = new Option<string?>("--topology") { Description = "SCALE-Sim topology CSV (conv or GEMM form, recognised from the header)." };
        var workload = new Option<string?>("--workload") { Description = "A built-in network instead of --topology: alexnet, resnet18, resnet50, mobilenetv2, bert-base." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of the console." };
        var cmd = new Command("systolic", "Simulate a systolic-array accelerator (SCALE-Sim v2 compatible inputs and numbers).")
        {
            config, topology, workload, format, output,
        };
        cmd.SetAction(pr => CliGuard.Run(() => Run(
            pr.GetValue(config)!, pr.GetValue(topology), pr.GetValue(workload), pr.GetValue(format)!, pr.GetValue(output))));
        return cmd;
    }

    private static int Run(string configPath, string? topologyPath, string? workload, string format, string? output)
    {
        if ((topologyPath is null) == (workload is null))
            throw new UserInputException("simulate systolic: give exactly one of --topology <file.csv> or --workload <name>");
        RequireFile(configPath, "--config");
        var config = ScaleSimConfigReader.Read(configPath);
        Topology topo;
        if (topologyPath is not null)
        {
            RequireFile(topologyPath, "--topology");
            topo = ScaleSimTopologyReader.Read(topologyPath);
        }
        else
        {
            topo = DnnCatalog.Get(workload!);
        }

        var report = new SystolicSimulator().Run(config, topo);
        if (output is not null)
        {
            AtomicFile.Write(output, w => Write(w, format, report));
            return ExitCodes.Ok;
        }

        if (format == "table") LayerTableWriter.WriteTable(AnsiConsole.Console, report.Layers);
        else Write(Console.Out, format, report);
        return ExitCodes.Ok;
    }

    private static void Write(TextWriter w, string format, SystolicReport report)
    {
        switch (format)
        {
            case "json":
                LayerTableWriter.WriteJson(w, report.Layers);
                break;
            case "table":
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(w), Ansi = AnsiSupport.No });
                LayerTableWriter.WriteTable(console, report.Layers);
                break;
            }
            default:
                LayerTableWriter.WriteCsv(w, report.Layers);
                break;
        }
    }

    private static void RequireFile(string path, string option)
    {
        if (!File.Exists(path)) throw new UserInputException($"{option} {path}: file not found");
    }
}
