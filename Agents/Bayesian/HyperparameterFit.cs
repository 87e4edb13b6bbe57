using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Type-II maximum likelihood for the kernel hyperparameters: MathNet's bound-constrained BFGS
/// (L-BFGS-B style, within <see cref="KernelParameters.Bounds"/>) from the previous fit (a warm
/// start) and <c>restarts</c> random starts, keeping the best likelihood seen at any evaluation — so a
/// run that stops early (iteration cap, failed line search) still contributes its best point.
/// </summary>
public sealed class HyperparameterFit(int restarts, int maxIterations = 40)
{
    public KernelParameters Fit(MarginalLikelihood likelihood, KernelParameters start, Random rng)
    {
        var (lower, upper) = KernelParameters.Bounds(start.Length);
        var best = start.ToVector();
        var bestValue = likelihood.Evaluate(best).Value;
        var objective = ObjectiveFunction.Gradient(theta =>
        {
            var (value, gradient) = likelihood.Evaluate(theta.ToArray());
            if (value < bestValue)
            {
                bestValue = value;
                best = theta.ToArray();
            }

            return double.IsFinite(value)
                ? (value, Vector<double>.Build.Dense(gradient))
                : (1e300, Vector<double>.Build.Dense(gradient.Length));
        });

        var lo = Vector<double>.Build.Dense(lower);
        var hi = Vector<double>.Build.Dense(upper);
        for (var r = 0; r <= restarts; r++)
        {
            var guess = r == 0 ? start.ToVector() : RandomStart(lower, upper, rng);
            try
            {
                new BfgsBMinimizer(1e-5, 1e-6, 1e-7, maxIterations).FindMinimum(objective, lo, hi, Vector<double>.Build.Dense(guess));
            }
            catch (Exception e) when (e is OptimizationException or ArgumentException or InvalidOperationException)
            {
                // An early stop: the best point seen so far is already recorded.
            }
        }

        return KernelParameters.FromVector(best);
    }

    // Random starts away from the extreme bounds, where the likelihood surface is flat.
    private static double[] RandomStart(double[] lower, double[] upper, Random rng)
    {
        var theta = new double[lower.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            var mid = 0.5 * (lower[i] + upper[i]);
            var half = 0.25 * (upper[i] - lower[i]);
            theta[i] = mid + (2 * rng.NextDouble() - 1) * half;
        }

        return theta;
    }
}
