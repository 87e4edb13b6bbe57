using ArchGym.Simulators.Common;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// Runs a command body and turns failures into one stderr line and an exit code: bad input -> 2,
/// cancellation -> 130, anything else (a bug) -> 1 with the exception type, never a stack trace on
/// the console (commands that keep a log write it there).
/// </summary>
public static class CliGuard
{
    public static int Run(Func<int> body, TextWriter? stderr = null)
    {
        stderr ??= Console.Error;
        try
        {
            return body();
        }
        catch (UserInputException e)
        {
            stderr.WriteLine($"archgym: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (InvalidConfigException e)
        {
            stderr.WriteLine($"archgym: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("archgym: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"archgym: internal error ({e.GetType().Name}): {OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Folds a multi-line message onto one line.</summary>
    public static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
}
