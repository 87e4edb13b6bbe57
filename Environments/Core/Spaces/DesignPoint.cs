namespace ArchGym.Environments.Core.Spaces;

/// <summary>
/// One immutable point of a <see cref="ParameterSpace"/>: a value per parameter, in space order
/// (see <see cref="Parameter"/> for how each kind is carried as a double). Two points are equal
/// when their spaces are the same instance and their values are bit-identical, so points can key
/// caches and dictionaries.
/// </summary>
public sealed class DesignPoint : IEquatable<DesignPoint>
{
    private readonly double[] _values;
    private readonly int _hash;

    /// <summary>Makes a point; throws <see cref="ArgumentException"/> naming the parameter when a value is not legal.</summary>
    public DesignPoint(ParameterSpace space, ReadOnlySpan<double> values)
    {
        if (values.Length != space.Count)
            throw new ArgumentException($"A design point needs {space.Count} values, got {values.Length}.", nameof(values));
        for (var i = 0; i < values.Length; i++)
        {
            var p = space[i];
            if (!p.Contains(values[i]))
                throw new ArgumentException($"parameter '{p.Name}' cannot be {values[i]}; allowed: {p.DescribeDomain()}", nameof(values));
        }

        Space = space;
        _values = values.ToArray();
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(v);
        _hash = hash.ToHashCode();
    }

    public ParameterSpace Space { get; }

    public ReadOnlySpan<double> Values => _values;

    public int Count => _values.Length;

    public double this[int index] => _values[index];

    public double this[string name] => _values[Space.IndexOf(name)];

    /// <summary>The value as its formatted text (a categorical's choice name).</summary>
    public string GetText(string name)
    {
        var i = Space.IndexOf(name);
        return Space[i].Format(_values[i]);
    }

    public int GetInt(string name) => checked((int)this[name]);

    /// <summary>A copy with one value replaced.</summary>
    public DesignPoint With(string name, double value)
    {
        var copy = _values.ToArray();
        copy[Space.IndexOf(name)] = value;
        return new DesignPoint(Space, copy);
    }

    public bool Equals(DesignPoint? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return ReferenceEquals(Space, other.Space) && _hash == other._hash && _values.AsSpan().SequenceEqual(other._values);
    }

    public override bool Equals(object? obj) => obj is DesignPoint p && Equals(p);

    public override int GetHashCode() => _hash;

    public override string ToString() =>
        string.Join(", ", Enumerable.Range(0, _values.Length).Select(i => $"{Space[i].Name}={Space[i].Format(_values[i])}"));
}
