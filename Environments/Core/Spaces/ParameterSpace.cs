namespace ArchGym.Environments.Core.Spaces;

/// <summary>
/// An ordered set of named parameters: the action space of a design-space-exploration
/// environment. Encodings, sampling, neighbours and constraints live in the other parts of
/// this partial class, one concern per file.
/// </summary>
public sealed partial class ParameterSpace
{
    private readonly Parameter[] _parameters;
    private readonly Dictionary<string, int> _index;
    private readonly Constraint[] _constraints;

    public ParameterSpace(IEnumerable<Parameter> parameters, IEnumerable<Constraint>? constraints = null)
    {
        _parameters = parameters.ToArray();
        _constraints = constraints?.ToArray() ?? [];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (!_index.TryAdd(_parameters[i].Name, i))
                throw new ArgumentException($"Duplicate parameter name '{_parameters[i].Name}'.", nameof(parameters));
        }
    }

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public int Count => _parameters.Length;

    public Parameter this[int index] => _parameters[index];

    public Parameter this[string name] => _parameters[IndexOf(name)];

    /// <summary>Position of a parameter by name; throws <see cref="KeyNotFoundException"/> listing the names when unknown.</summary>
    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i)
            ? i
            : throw new KeyNotFoundException($"unknown parameter '{name}'; known: {string.Join(", ", _parameters.Select(p => p.Name))}");

    public bool Contains(string name) => _index.ContainsKey(name);

    public IReadOnlyList<string> Names => _parameters.Select(p => p.Name).ToArray();

    /// <summary>Number of distinct points (the product of cardinalities); infinity when a parameter is continuous.</summary>
    public double Size
    {
        get
        {
            var size = 1.0;
            foreach (var p in _parameters) size *= p.Cardinality ?? double.PositiveInfinity;
            return size;
        }
    }

    /// <summary>True when every parameter is discrete (index encodings and grids apply).</summary>
    public bool IsDiscrete => _parameters.All(p => p.Cardinality is not null);
}
