using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Synthetic;

/// <summary>A test function over a parameter space with a known minimum, for checking agents.</summary>
public abstract class SyntheticFunction
{
    public abstract string Name { get; }

    public abstract ParameterSpace CreateSpace();

    /// <summary>The loss of a point (0 at the optimum, positive elsewhere).</summary>
    public abstract double Loss(DesignPoint point);

    /// <summary>The known optimal point's values by name (a categorical's value is the choice text).</summary>
    public abstract IReadOnlyDictionary<string, string> Optimum { get; }
}

/// <summary>
/// A mixed-kind function: a real, an integer, a power of two and a categorical knob, additive and
/// separable, minimum 0 at x=1.5, n=13, size=64, mode=c. It mimics a hardware space's kinds.
/// </summary>
public sealed class MixedFunction : SyntheticFunction
{
    private static readonly string[] Modes = ["a", "b", "c", "d"];

    public override string Name => "mixed";

    public override ParameterSpace CreateSpace() => new(
    [
        new RealParameter("x", -5, 5, description: "a real knob"),
        new IntegerParameter("n", 0, 20, description: "an integer knob"),
        OrdinalParameter.PowersOfTwo("size", 1, 1024, "a power-of-two knob"),
        new CategoricalParameter("mode", Modes, "a categorical knob"),
    ]);

    public override double Loss(DesignPoint p)
    {
        var x = p["x"] - 1.5;
        var n = (p["n"] - 13) / 4;
        var s = (Math.Log2(p["size"]) - 6) / 2;
        var mode = p.GetText("mode") switch { "c" => 0.0, "b" => 0.5, _ => 1.0 };
        return x * x + n * n + s * s + mode;
    }

    public override IReadOnlyDictionary<string, string> Optimum { get; } =
        new Dictionary<string, string> { ["x"] = "1.5", ["n"] = "13", ["size"] = "64", ["mode"] = "c" };
}

/// <summary>
/// A discrete multi-knob function like a design space of powers of two: each of d knobs takes one
/// of 8 levels; the loss is the summed squared level distance to a shifted optimum, plus a coupling
/// term so knobs interact. Minimum 0 at level (i * 3 + 2) mod 8 for knob i.
/// </summary>
public sealed class LevelsFunction(int dimensions) : SyntheticFunction
{
    public override string Name => "levels";

    public override ParameterSpace CreateSpace() =>
        new(Enumerable.Range(0, dimensions).Select(i => (Parameter)OrdinalParameter.PowersOfTwo($"k{i}", 1, 128, $"knob {i}")));

    public override double Loss(DesignPoint p)
    {
        double sum = 0, coupling = 0;
        for (var i = 0; i < dimensions; i++)
        {
            var d = Math.Log2(p[i]) - OptimalLevel(i);
            sum += d * d;
            if (i > 0) coupling += Math.Abs(d * (Math.Log2(p[i - 1]) - OptimalLevel(i - 1)));
        }

        return sum + 0.5 * coupling;
    }

    public override IReadOnlyDictionary<string, string> Optimum =>
        Enumerable.Range(0, dimensions).ToDictionary(i => $"k{i}", i => (1 << OptimalLevel(i)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static int OptimalLevel(int i) => (i * 3 + 2) % 8;
}

/// <summary>The Rastrigin function on [-5.12, 5.12]^d: many local minima, global minimum 0 at the origin.</summary>
public sealed class RastriginFunction(int dimensions) : SyntheticFunction
{
    public override string Name => "rastrigin";

    public override ParameterSpace CreateSpace() =>
        new(Enumerable.Range(0, dimensions).Select(i => (Parameter)new RealParameter($"x{i}", -5.12, 5.12)));

    public override double Loss(DesignPoint p)
    {
        var sum = 10.0 * dimensions;
        for (var i = 0; i < dimensions; i++) sum += p[i] * p[i] - 10 * Math.Cos(2 * Math.PI * p[i]);
        return sum;
    }

    public override IReadOnlyDictionary<string, string> Optimum =>
        Enumerable.Range(0, dimensions).ToDictionary(i => $"x{i}", _ => "0");
}
