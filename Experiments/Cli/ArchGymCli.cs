using System.CommandLine;

namespace ArchGym.Experiments.Cli;

/// <summary>The <c>archgym</c> command tree. Parse errors are bad input: one line, exit code 2.</summary>
public static class ArchGymCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("archgym: design-space exploration of hardware accelerators with ML agents.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ListCommands.Environments());
        root.Subcommands.Add(ListCommands.Agents());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RlCommand.Create());
        return root;
    }

    public static int Run(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"archgym: {CliGuard.OneLine(parse.Errors[0].Message)} (see archgym --help)");
            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }
}
