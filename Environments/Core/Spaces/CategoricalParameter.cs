namespace ArchGym.Environments.Core.Spaces;

/// <summary>Unordered named choices (e.g. dataflow os/ws/is). The carried value is the choice index.</summary>
public sealed class CategoricalParameter : Parameter
{
    private readonly string[] _choices;

    public CategoricalParameter(string name, IEnumerable<string> choices, string? description = null)
        : base(name, description)
    {
        _choices = choices.ToArray();
        if (_choices.Length == 0) throw new ArgumentException($"parameter '{name}' needs at least one choice", nameof(choices));
        if (_choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != _choices.Length)
            throw new ArgumentException($"parameter '{name}' has duplicate choices", nameof(choices));
    }

    public IReadOnlyList<string> Choices => _choices;

    public override ParameterKind Kind => ParameterKind.Categorical;

    public override int? Cardinality => _choices.Length;

    public override double ValueAt(int index) =>
        index >= 0 && index < _choices.Length ? index : throw new ArgumentOutOfRangeException(nameof(index));

    public override int IndexOf(double value) =>
        Contains(value) ? (int)value : throw new ArgumentException($"parameter '{Name}' has no choice {value}; allowed: {DescribeDomain()}");

    public override bool Contains(double value) => value >= 0 && value < _choices.Length && value == Math.Floor(value);

    // Categoricals have no order; the scalar encoding spreads indices over [0, 1] (one-hot is the faithful encoding).
    public override double Normalize(double value) => _choices.Length == 1 ? 0 : IndexOf(value) / (double)(_choices.Length - 1);

    public override double Denormalize(double unit) =>
        Math.Clamp((int)Math.Round(Math.Clamp(unit, 0, 1) * (_choices.Length - 1)), 0, _choices.Length - 1);

    public override double Sample(Random rng) => rng.Next(_choices.Length);

    public override string Format(double value) => _choices[IndexOf(value)];

    public override bool TryParse(string text, out double value)
    {
        var t = text.Trim();
        for (var i = 0; i < _choices.Length; i++)
        {
            if (string.Equals(_choices[i], t, StringComparison.OrdinalIgnoreCase))
            {
                value = i;
                return true;
            }
        }

        value = double.NaN;
        return false;
    }

    public override string DescribeDomain() => "one of " + string.Join(", ", _choices);
}
