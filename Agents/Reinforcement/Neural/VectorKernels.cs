using System.Numerics;
using System.Runtime.InteropServices;

namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>
/// The two SIMD loops dense layers are made of: a dot product and y += a·x (BLAS ddot/daxpy). The dot
/// product keeps four independent accumulators so consecutive multiply-adds do not wait on each other.
/// </summary>
internal static class VectorKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero, s2 = Vector<double>.Zero, s3 = Vector<double>.Zero;
            var k = 0;
            for (; k + 4 <= va.Length; k += 4)
            {
                s0 = Vector.FusedMultiplyAdd(va[k], vb[k], s0);
                s1 = Vector.FusedMultiplyAdd(va[k + 1], vb[k + 1], s1);
                s2 = Vector.FusedMultiplyAdd(va[k + 2], vb[k + 2], s2);
                s3 = Vector.FusedMultiplyAdd(va[k + 3], vb[k + 3], s3);
            }

            for (; k < va.Length; k++) s0 = Vector.FusedMultiplyAdd(va[k], vb[k], s0);
            sum = Vector.Sum((s0 + s1) + (s2 + s3));
            i = va.Length * Vector<double>.Count;
        }

        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var va = new Vector<double>(alpha);
            for (var k = 0; k < vx.Length; k++) vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++) y[i] += alpha * x[i];
    }
}
