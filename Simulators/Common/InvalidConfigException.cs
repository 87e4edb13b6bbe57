namespace ArchGym.Simulators.Common;

/// <summary>
/// The one exception a simulator throws for bad input: it names the field, the offending value and
/// what is allowed, so a CLI can print it as a single line.
/// </summary>
public sealed class InvalidConfigException : Exception
{
    public InvalidConfigException(string field, object? value, string allowed, string? source = null)
        : base(Compose(field, value, allowed, source))
    {
        Field = field;
        Value = value?.ToString();
        Allowed = allowed;
        SourceLocation = source;
    }

    /// <summary>The configuration field (or column) that is wrong.</summary>
    public string Field { get; }

    /// <summary>The value found, as text (null when the field was missing).</summary>
    public string? Value { get; }

    /// <summary>What would have been accepted.</summary>
    public string Allowed { get; }

    /// <summary>Where the value came from (a file and line), when known.</summary>
    public string? SourceLocation { get; }

    private static string Compose(string field, object? value, string allowed, string? source)
    {
        var where = source is null ? "" : source + ": ";
        var found = value is null ? "missing" : $"'{value}'";
        return $"{where}{field} is {found}; allowed: {allowed}";
    }
}
