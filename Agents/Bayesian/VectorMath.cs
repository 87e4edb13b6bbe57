using System.Numerics;
using System.Runtime.InteropServices;

namespace ArchGym.Agents.Bayesian;

/// <summary>The one SIMD primitive the GP's triangular algebra needs (no allocation).</summary>
public static class VectorMath
{
    /// <summary>Σ aᵢbᵢ over the length of <paramref name="a"/>.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= 2 * Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var acc = Vector<double>.Zero;
            for (var k = 0; k < va.Length; k++) acc += va[k] * vb[k];
            sum = Vector.Sum(acc);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y ← y − s·x over the length of <paramref name="x"/>.</summary>
    public static void SubtractScaled(Span<double> y, double s, ReadOnlySpan<double> x)
    {
        y = y[..x.Length];
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vs = new Vector<double>(s);
            for (var k = 0; k < vx.Length; k++) vy[k] -= vs * vx[k];
            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++) y[i] -= s * x[i];
    }
}
