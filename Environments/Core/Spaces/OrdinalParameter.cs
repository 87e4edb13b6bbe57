using System.Globalization;

namespace ArchGym.Environments.Core.Spaces;

/// <summary>
/// An ordered list of numbers (e.g. powers of two). The carried value is the number itself;
/// neighbours are adjacent list entries. Log-scaled lists normalise by log of the value.
/// </summary>
public sealed class OrdinalParameter : Parameter
{
    private readonly double[] _values;

    public OrdinalParameter(string name, IEnumerable<double> values, bool logScale = false, string? description = null)
        : base(name, description)
    {
        _values = values.ToArray();
        if (_values.Length == 0) throw new ArgumentException($"parameter '{name}' needs at least one value", nameof(values));
        for (var i = 1; i < _values.Length; i++)
        {
            if (!(_values[i] > _values[i - 1]))
                throw new ArgumentException($"parameter '{name}': values must be strictly increasing", nameof(values));
        }

        if (logScale && _values[0] <= 0) throw new ArgumentException($"parameter '{name}': a log scale needs positive values", nameof(values));
        LogScale = logScale;
    }

    /// <summary>Powers of two from <paramref name="min"/> to <paramref name="max"/> inclusive, log-scaled.</summary>
    public static OrdinalParameter PowersOfTwo(string name, int min, int max, string? description = null)
    {
        if (min < 1 || max < min || (min & (min - 1)) != 0 || (max & (max - 1)) != 0)
            throw new ArgumentException($"parameter '{name}': powers of two need 1 <= min <= max, both powers of two");
        var values = new List<double>();
        for (long v = min; v <= max; v *= 2) values.Add(v);
        return new OrdinalParameter(name, values, logScale: true, description);
    }

    public IReadOnlyList<double> Values => _values;

    public bool LogScale { get; }

    public override ParameterKind Kind => ParameterKind.Ordinal;

    public override int? Cardinality => _values.Length;

    public override double ValueAt(int index) => _values[index];

    public override int IndexOf(double value)
    {
        var i = Array.BinarySearch(_values, value);
        return i >= 0 ? i : throw new ArgumentException($"parameter '{Name}' cannot be {F(value)}; allowed: {DescribeDomain()}");
    }

    public override bool Contains(double value) => Array.BinarySearch(_values, value) >= 0;

    public override double Normalize(double value)
    {
        IndexOf(value);
        if (_values.Length == 1) return 0;
        return LogScale
            ? (Math.Log(value) - Math.Log(_values[0])) / (Math.Log(_values[^1]) - Math.Log(_values[0]))
            : (value - _values[0]) / (_values[^1] - _values[0]);
    }

    public override double Denormalize(double unit)
    {
        unit = Math.Clamp(unit, 0, 1);
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < _values.Length; i++)
        {
            var d = Math.Abs(Normalize(_values[i]) - unit);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }

        return _values[best];
    }

    public override double Sample(Random rng) => _values[rng.Next(_values.Length)];

    public override string Format(double value) => F(value);

    public override bool TryParse(string text, out double value)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Contains(value)) return true;
        value = double.NaN;
        return false;
    }

    public override string DescribeDomain() =>
        _values.Length <= 16
            ? "one of " + string.Join(", ", _values.Select(F))
            : $"one of {_values.Length} values {F(_values[0])}, {F(_values[1])}, ..., {F(_values[^1])}";

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
