namespace ArchGym.Environments.Core.Spaces;

/// <summary>What sort of values a design knob takes.</summary>
public enum ParameterKind
{
    /// <summary>Unordered named choices (e.g. dataflow os/ws/is). The value is the choice index.</summary>
    Categorical,

    /// <summary>An ordered list of numbers (e.g. powers of two). The value is the number itself.</summary>
    Ordinal,

    /// <summary>Whole numbers from Min to Max in Step increments, optionally log-scaled.</summary>
    Integer,

    /// <summary>A real interval, optionally log-scaled.</summary>
    Real,
}
