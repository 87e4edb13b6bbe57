namespace ArchGym.Environments.Core.Spaces;

// Building points from names: YAML, CSV rows, CLI flags and multi-agent joint actions.
public sealed partial class ParameterSpace
{
    /// <summary>A point from text values by parameter name; every parameter must be given, no unknown names.</summary>
    public DesignPoint Parse(IReadOnlyDictionary<string, string> values)
    {
        foreach (var name in values.Keys) IndexOf(name);
        Span<double> v = stackalloc double[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (!values.TryGetValue(p.Name, out var text))
                throw new ArgumentException($"parameter '{p.Name}' is missing; allowed: {p.DescribeDomain()}");
            if (!p.TryParse(text, out v[i]))
                throw new ArgumentException($"parameter '{p.Name}' cannot be '{text}'; allowed: {p.DescribeDomain()}");
        }

        return new DesignPoint(this, v);
    }

    /// <summary>A point from carried values by name (a categorical's value is its choice index).</summary>
    public DesignPoint Create(IReadOnlyDictionary<string, double> values)
    {
        foreach (var name in values.Keys) IndexOf(name);
        Span<double> v = stackalloc double[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (!values.TryGetValue(_parameters[i].Name, out v[i]))
                throw new ArgumentException($"parameter '{_parameters[i].Name}' is missing; allowed: {_parameters[i].DescribeDomain()}");
        }

        return new DesignPoint(this, v);
    }

    /// <summary>A point with the same values in this space (e.g. moving points between two instances of one environment).</summary>
    public DesignPoint Adopt(DesignPoint point)
    {
        if (ReferenceEquals(point.Space, this)) return point;
        var other = point.Space;
        var same = other.Count == Count;
        for (var i = 0; same && i < Count; i++) same = other[i].Name == _parameters[i].Name;
        if (!same)
            throw new ArgumentException($"the design point has parameters ({string.Join(", ", other.Names)}); expected ({string.Join(", ", Names)})", nameof(point));
        return new DesignPoint(this, point.Values);
    }
}
