namespace ArchGym.Experiments.Cli;

/// <summary>
/// Turns Ctrl-C into a cancellation token for the length of a command (disposing unhooks it), so a run or sweep
/// stops cleanly, finishing its files, instead of the process dying mid-write.
/// </summary>
public sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _cts = new();

    public CtrlC() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _cts.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _cts.Cancel();
    }
}
