using ArchGym.Agents.Core;
using MathNet.Numerics.LinearAlgebra;

namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>How a layer's weights are drawn (biases start at zero).</summary>
public enum WeightInit
{
    /// <summary>Glorot &amp; Bengio 2010: uniform on ±gain·√(6 / (fan_in + fan_out)).</summary>
    Xavier,

    /// <summary>He et al. 2015: normal with standard deviation gain·√(2 / fan_in) (for ReLU layers).</summary>
    He,

    /// <summary>Saxe, McClelland &amp; Ganguli 2014: a random orthogonal matrix times gain (PPO's usual choice).</summary>
    Orthogonal,
}

/// <summary>Draws a layer's initial weights from the given seeded generator only.</summary>
public static class WeightInitializer
{
    public static void Initialize(DenseLayer layer, WeightInit init, double gain, Random rng)
    {
        var w = layer.Weights;
        int nIn = layer.Inputs, nOut = layer.Outputs;
        switch (init)
        {
            case WeightInit.Xavier:
                var limit = gain * Math.Sqrt(6.0 / (nIn + nOut));
                for (var i = 0; i < w.Length; i++) w[i] = (2 * rng.NextDouble() - 1) * limit;
                break;
            case WeightInit.He:
                var sigma = gain * Math.Sqrt(2.0 / nIn);
                for (var i = 0; i < w.Length; i++) w[i] = sigma * rng.NextGaussian();
                break;
            default:
                Orthogonal(w, nOut, nIn, gain, rng);
                break;
        }

        layer.Biases.Clear();
    }

    /// <summary>
    /// Fills the row-major [rows × cols] matrix with gain·Q, where Q has orthonormal rows (rows ≤ cols)
    /// or columns (rows &gt; cols): the thin QR factor of a Gaussian matrix, its columns' signs fixed by
    /// R's diagonal so the draw is uniform over orthogonal matrices (Mezzadri 2007).
    /// </summary>
    private static void Orthogonal(Span<double> w, int rows, int cols, double gain, Random rng)
    {
        int tall = Math.Max(rows, cols), wide = Math.Min(rows, cols);
        var gaussian = Matrix<double>.Build.Dense(tall, wide);
        for (var c = 0; c < wide; c++)
        {
            for (var r = 0; r < tall; r++) gaussian[r, c] = rng.NextGaussian();
        }

        var qr = gaussian.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        var r0 = qr.R;
        for (var c = 0; c < wide; c++)
        {
            var sign = r0[c, c] < 0 ? -1.0 : 1.0;
            for (var r = 0; r < tall; r++)
            {
                var value = gain * sign * q[r, c];
                if (rows >= cols) w[r * cols + c] = value;
                else w[c * cols + r] = value;
            }
        }
    }
}
