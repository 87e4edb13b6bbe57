using System.Globalization;

namespace ArchGym.Environments.Core.Spaces;

/// <summary>Whole numbers Min, Min+Step, ..., up to Max, optionally normalised on a log scale.</summary>
public sealed class IntegerParameter : Parameter
{
    public IntegerParameter(string name, long min, long max, long step = 1, bool logScale = false, string? description = null)
        : base(name, description)
    {
        if (max < min) throw new ArgumentException($"parameter '{name}': max {max} is below min {min}");
        if (step < 1) throw new ArgumentException($"parameter '{name}': step must be at least 1");
        if (logScale && min < 1) throw new ArgumentException($"parameter '{name}': a log scale needs min >= 1");
        if ((max - min) / step >= int.MaxValue) throw new ArgumentException($"parameter '{name}': too many values");
        Min = min;
        Step = step;
        Max = min + (max - min) / step * step;
        LogScale = logScale;
    }

    public long Min { get; }

    /// <summary>The largest legal value (the given max rounded down onto the step grid).</summary>
    public long Max { get; }

    public long Step { get; }

    public bool LogScale { get; }

    public override ParameterKind Kind => ParameterKind.Integer;

    public override int? Cardinality => (int)((Max - Min) / Step) + 1;

    public override double ValueAt(int index) =>
        index >= 0 && index < Cardinality ? Min + (long)index * Step : throw new ArgumentOutOfRangeException(nameof(index));

    public override int IndexOf(double value) =>
        Contains(value) ? (int)(((long)value - Min) / Step) : throw new ArgumentException($"parameter '{Name}' cannot be {value}; allowed: {DescribeDomain()}");

    public override bool Contains(double value) =>
        value >= Min && value <= Max && value == Math.Floor(value) && ((long)value - Min) % Step == 0;

    public override double Normalize(double value)
    {
        IndexOf(value);
        if (Max == Min) return 0;
        return LogScale ? (Math.Log(value) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (value - Min) / (double)(Max - Min);
    }

    public override double Denormalize(double unit)
    {
        unit = Math.Clamp(unit, 0, 1);
        var raw = LogScale ? Math.Exp(Math.Log(Min) + unit * (Math.Log(Max) - Math.Log(Min))) : Min + unit * (Max - Min);
        return Snap(raw);
    }

    public override double Sample(Random rng) =>
        LogScale ? Snap(Math.Exp(Math.Log(Min) + rng.NextDouble() * (Math.Log(Max) - Math.Log(Min)))) : ValueAt(rng.Next(Cardinality!.Value));

    public override string Format(double value) => ((long)value).ToString(CultureInfo.InvariantCulture);

    public override bool TryParse(string text, out double value)
    {
        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && Contains(v))
        {
            value = v;
            return true;
        }

        value = double.NaN;
        return false;
    }

    public override string DescribeDomain() =>
        Step == 1 ? $"a whole number from {Min} to {Max}" : $"a whole number from {Min} to {Max} in steps of {Step}";

    private double Snap(double raw)
    {
        var k = Math.Round((raw - Min) / Step);
        return Math.Clamp(Min + (long)k * Step, Min, Max);
    }
}
