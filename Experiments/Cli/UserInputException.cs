namespace ArchGym.Experiments.Cli;

/// <summary>
/// Bad input from the user (a file, a field, a value). The CLI prints its message as one line on
/// stderr and exits with <see cref="ExitCodes.BadInput"/>; never a stack trace.
/// </summary>
public sealed class UserInputException(string message, Exception? inner = null) : Exception(message, inner);
