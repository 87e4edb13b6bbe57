namespace ArchGym.Environments.Core.Spaces;

/// <summary>
/// A named design knob. Every value is carried as a <see cref="double"/> so a design point is a
/// flat array: a categorical value is its choice index, an ordinal value is the listed number
/// (e.g. 64), an integer is the integer, a real is the real.
/// </summary>
public abstract class Parameter
{
    protected Parameter(string name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A parameter needs a name.", nameof(name));
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    public abstract ParameterKind Kind { get; }

    /// <summary>Number of distinct values; null for a continuous real parameter.</summary>
    public abstract int? Cardinality { get; }

    /// <summary>The i-th legal value of a discrete parameter, in order.</summary>
    public abstract double ValueAt(int index);

    /// <summary>Index of a legal value of a discrete parameter (throws when it is not legal).</summary>
    public abstract int IndexOf(double value);

    /// <summary>True when the value is one this parameter accepts.</summary>
    public abstract bool Contains(double value);

    /// <summary>Maps a legal value to [0, 1] (on a log scale where the parameter is log-scaled).</summary>
    public abstract double Normalize(double value);

    /// <summary>Inverse of <see cref="Normalize"/>, snapped to the nearest legal value.</summary>
    public abstract double Denormalize(double unit);

    /// <summary>A uniformly drawn legal value (uniform in log space where log-scaled).</summary>
    public abstract double Sample(Random rng);

    /// <summary>The value as text for CSV, YAML and logs (a categorical prints its choice name).</summary>
    public abstract string Format(double value);

    /// <summary>Parses text written by <see cref="Format"/> or by a user; false when not legal.</summary>
    public abstract bool TryParse(string text, out double value);

    /// <summary>What values are allowed, for error messages (e.g. "one of os, ws, is").</summary>
    public abstract string DescribeDomain();
}
