using System.Globalization;

namespace ArchGym.Environments.Core.Spaces;

/// <summary>A real interval [Min, Max], optionally log-scaled. Continuous: no cardinality, no index encoding.</summary>
public sealed class RealParameter : Parameter
{
    public RealParameter(string name, double min, double max, bool logScale = false, string? description = null)
        : base(name, description)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min)
            throw new ArgumentException($"parameter '{name}': needs finite min <= max");
        if (logScale && min <= 0) throw new ArgumentException($"parameter '{name}': a log scale needs min > 0");
        Min = min;
        Max = max;
        LogScale = logScale;
    }

    public double Min { get; }

    public double Max { get; }

    public bool LogScale { get; }

    public override ParameterKind Kind => ParameterKind.Real;

    public override int? Cardinality => null;

    public override double ValueAt(int index) => throw new NotSupportedException($"parameter '{Name}' is continuous");

    public override int IndexOf(double value) => throw new NotSupportedException($"parameter '{Name}' is continuous");

    public override bool Contains(double value) => value >= Min && value <= Max;

    public override double Normalize(double value)
    {
        if (!Contains(value)) throw new ArgumentException($"parameter '{Name}' cannot be {value}; allowed: {DescribeDomain()}");
        if (Max == Min) return 0;
        return LogScale ? (Math.Log(value) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (value - Min) / (Max - Min);
    }

    public override double Denormalize(double unit)
    {
        unit = Math.Clamp(unit, 0, 1);
        var v = LogScale ? Math.Exp(Math.Log(Min) + unit * (Math.Log(Max) - Math.Log(Min))) : Min + unit * (Max - Min);
        return Math.Clamp(v, Min, Max);
    }

    public override double Sample(Random rng) => Denormalize(rng.NextDouble());

    public override string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public override bool TryParse(string text, out double value)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Contains(value)) return true;
        value = double.NaN;
        return false;
    }

    public override string DescribeDomain() =>
        string.Create(CultureInfo.InvariantCulture, $"a number from {Min:R} to {Max:R}{(LogScale ? " (log scale)" : "")}");
}
