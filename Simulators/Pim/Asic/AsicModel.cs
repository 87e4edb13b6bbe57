namespace ArchGym.Simulators.Pim.Asic;

/// <summary>Cycles and arithmetic operations of one ASIC kernel.</summary>
public readonly record struct AsicWork(long Cycles, long Ops)
{
    public static AsicWork operator +(AsicWork a, AsicWork b) => new(a.Cycles + b.Cycles, a.Ops + b.Ops);
    public AsicWork Times(long n) => new(Cycles * n, Ops * n);
}

/// <summary>
/// PIM-GPT's ASIC (Wu et al.): a <see cref="VectorWidth"/>-lane BF16 vector unit at <see cref="ClockMhz"/> that does
/// everything but the VMMs, with only adds and multiplies: softmax and GELU by Taylor series, division by
/// Newton-Raphson reciprocal, 1/sqrt by the fast-inverse-square-root trick. A vector op over n elements takes
/// ceil(n / width) cycles; a reduction adds log2(width) adder-tree levels. Operation counts per element:
/// LayerNorm 8 (mean, centre, square, variance sum, scale, gain, bias, plus the shared 1/sqrt),
/// softmax 16 (max, subtract, exp as a 6th-order Horner polynomial = 12, sum, scale), GELU 16 (tanh form with a
/// Taylor tanh), residual add 1, partial-sum add 1, argmax 1, MAC 2.
/// </summary>
public sealed class AsicModel
{
    public const double DefaultEnergyPerOpPj = 1.0;

    private const int NewtonSteps = 6;    // 1/sqrt or reciprocal: seed + 2 Newton steps of 3 dependent ops
    private readonly int _log2Width;

    /// <param name="energyPerOpPj">One BF16 operation with its operand buffer access (28 nm class estimate).</param>
    public AsicModel(double clockMhz, int vectorWidth, double energyPerOpPj = DefaultEnergyPerOpPj)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockMhz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vectorWidth);
        ClockMhz = clockMhz;
        VectorWidth = vectorWidth;
        EnergyPerOpPj = energyPerOpPj;
        _log2Width = (int)Math.Ceiling(Math.Log2(vectorWidth));
    }

    public double ClockMhz { get; }
    public int VectorWidth { get; }
    public double EnergyPerOpPj { get; }

    public double Nanoseconds(long cycles) => cycles * 1000.0 / ClockMhz;

    public AsicWork LayerNorm(long n) => new(8 * Passes(n) + 2 * _log2Width + NewtonSteps, 8 * n);

    /// <summary>Softmax of <paramref name="groups"/> heads over <paramref name="length"/> scores each (heads packed into the vector).</summary>
    public AsicWork Softmax(long groups, long length) => new(16 * Passes(groups * length) + 2 * _log2Width + NewtonSteps, 16 * groups * length);

    /// <summary>Operations per element of <see cref="Gelu"/>.</summary>
    public const int GeluOpsPerElement = 16;

    public AsicWork Gelu(long n) => new(GeluOpsPerElement * Passes(n), GeluOpsPerElement * n);

    public AsicWork Add(long n) => new(Passes(n), n);

    public AsicWork Argmax(long n) => new(Passes(n) + _log2Width, n);

    /// <summary><paramref name="macs"/> multiply-accumulates (a VMM done on the ASIC).</summary>
    public AsicWork Macs(long macs) => new(Passes(macs) + _log2Width, 2 * macs);

    /// <summary>
    /// <paramref name="work"/> done on a PIM product's results as they are read out (element-wise: partial-sum adds,
    /// GELU, residual add), with <paramref name="budget"/> ASIC cycles of the product still free to hide it: only what
    /// exceeds the budget and the last vector pass (<paramref name="opsPerElement"/> cycles, after the last read-out)
    /// stay on the critical path. Returns the exposed work (all ops, fewer cycles) and lowers the budget.
    /// </summary>
    public static AsicWork Streamed(AsicWork work, int opsPerElement, ref long budget)
    {
        long tail = Math.Min(work.Cycles, opsPerElement);
        long hidden = Math.Min(budget, work.Cycles - tail);
        budget -= hidden;
        return work with { Cycles = work.Cycles - hidden };
    }

    /// <summary>ASIC cycles that fit in <paramref name="nanoseconds"/> (whole cycles).</summary>
    public long CyclesIn(double nanoseconds) => (long)Math.Floor(nanoseconds * ClockMhz / 1000);

    private long Passes(long n) => (n + VectorWidth - 1) / VectorWidth;
}
