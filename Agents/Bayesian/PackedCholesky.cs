namespace ArchGym.Agents.Bayesian;

/// <summary>
/// The lower Cholesky factor L of a growing covariance matrix (K = LLᵀ), packed row by row so that
/// adding an observation appends one row in O(n²) — a forward solve Lr = k and a square root
/// (the bordering update) — and dropping the last rows (batch fantasies) is O(1). A full
/// factorisation is n appends, O(n³/3). Every inner loop is a contiguous SIMD dot or axpy.
/// </summary>
public sealed class PackedCholesky
{
    private double[] _l = new double[64];

    public int Count { get; private set; }

    /// <summary>Times a pivot fell below the floor and was lifted (a near-duplicate point).</summary>
    public int Lifted { get; private set; }

    public void Clear()
    {
        Count = 0;
        Lifted = 0;
    }

    /// <summary>Drops rows down to <paramref name="count"/>.</summary>
    public void Truncate(int count) => Count = Math.Clamp(count, 0, Count);

    /// <summary>
    /// Borders the factor with a new point: <paramref name="covariances"/> with the existing points and
    /// its own variance <paramref name="diagonal"/> (noise included). A pivot below 1e-10 of the diagonal is lifted there.
    /// </summary>
    public void Append(ReadOnlySpan<double> covariances, double diagonal)
    {
        var n = Count;
        var start = Start(n);
        var need = Start(n + 1);
        if (_l.Length < need) Array.Resize(ref _l, Math.Max(need, _l.Length * 2));
        var row = _l.AsSpan(start, n + 1);
        for (var i = 0; i < n; i++)
        {
            var li = _l.AsSpan(Start(i), i + 1);
            row[i] = (covariances[i] - VectorMath.Dot(li[..i], row[..i])) / li[i];
        }

        var pivot = diagonal - VectorMath.Dot(row[..n], row[..n]);
        var floor = 1e-10 * Math.Max(diagonal, double.Epsilon);
        if (pivot < floor)
        {
            pivot = floor;
            Lifted++;
        }

        row[n] = Math.Sqrt(pivot);
        Count = n + 1;
    }

    /// <summary>Solves L x = b (forward substitution) for the first <paramref name="b"/>.Length rows.</summary>
    public void SolveLower(ReadOnlySpan<double> b, Span<double> x)
    {
        for (var i = 0; i < b.Length; i++)
        {
            var li = _l.AsSpan(Start(i), i + 1);
            x[i] = (b[i] - VectorMath.Dot(li[..i], x[..i])) / li[i];
        }
    }

    /// <summary>
    /// Solves L xⱼ = bⱼ for <paramref name="count"/> right-hand sides stored one after another (each
    /// <see cref="Count"/> long). Each row of L is read once for all of them, so a large factor streams
    /// from memory once per batch instead of once per candidate.
    /// </summary>
    public void SolveLowerBatch(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            var li = _l.AsSpan(Start(i), i + 1);
            var lii = li[i];
            var head = li[..i];
            for (var j = 0; j < count; j++)
            {
                var xj = x.Slice(j * n, n);
                xj[i] = (b[j * n + i] - VectorMath.Dot(head, xj[..i])) / lii;
            }
        }
    }

    /// <summary>log det(LLᵀ) = 2 Σ log Lᵢᵢ.</summary>
    public double LogDeterminant()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++) sum += Math.Log(_l[Start(i) + i]);
        return 2 * sum;
    }

    /// <summary>
    /// Writes (LLᵀ)⁻¹ into <paramref name="inverse"/> (row-major, <see cref="Count"/>²): the columns zⱼ
    /// of L⁻¹ by forward substitution from eⱼ (zero above j), then (K⁻¹)ₐᵦ = zₐ·zᵦ. About n³/3
    /// operations; <paramref name="scratch"/> (also n²) holds zⱼ as row j.
    /// </summary>
    public void Invert(Span<double> inverse, Span<double> scratch)
    {
        var n = Count;
        var z = scratch[..(n * n)];
        for (var j = 0; j < n; j++)
        {
            var zj = z.Slice(j * n, n);
            for (var i = j; i < n; i++)
            {
                var li = _l.AsSpan(Start(i), i + 1);
                var rhs = i == j ? 1.0 : 0.0;
                zj[i] = (rhs - VectorMath.Dot(li[j..i], zj[j..i])) / li[i];
            }
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var v = VectorMath.Dot(z.Slice(a * n + a, n - a), z.Slice(b * n + a, n - a));
                inverse[a * n + b] = v;
                inverse[b * n + a] = v;
            }
        }
    }

    /// <summary>Solves Lᵀ x = z in place (back substitution, row-wise so each step is a contiguous axpy).</summary>
    public void SolveUpperInPlace(Span<double> x)
    {
        for (var i = x.Length - 1; i >= 0; i--)
        {
            var li = _l.AsSpan(Start(i), i + 1);
            x[i] /= li[i];
            VectorMath.SubtractScaled(x[..i], x[i], li[..i]);
        }
    }

    private static int Start(int row) => row * (row + 1) / 2;
}
