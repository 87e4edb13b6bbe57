namespace ArchGym.Experiments.Cli;

/// <summary>Process exit codes of the archgym command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something went wrong inside archgym (a bug): the log file has the details.</summary>
    public const int InternalError = 1;

    /// <summary>The input was wrong: the message names the file, field and what is allowed.</summary>
    public const int BadInput = 2;

    /// <summary>The run was cancelled (Ctrl+C); what was evaluated is kept and marked incomplete.</summary>
    public const int Cancelled = 130;
}
