using ArchGym.Agents.Bayesian;
using MathNet.Numerics.LinearAlgebra;

namespace ArchGym.Agents.Tests.Bayesian;

public sealed class GaussianProcessTests
{
    private static double[][] RandomInputs(int n, int d, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray()).ToArray();
    }

    private static double Smooth(double[] x) => Math.Sin(6 * x[0]) + 0.5 * x[1] * x[1];

    [Test]
    public void PackedCholeskyMatchesMathNet()
    {
        var x = RandomInputs(40, 3, 1);
        var kernel = new Matern52Kernel();
        var k = Matrix<double>.Build.Dense(40, 40, (i, j) => kernel.Correlation(Enumerable.Range(0, 3).Sum(m => Math.Pow((x[i][m] - x[j][m]) / 0.4, 2))) + (i == j ? 1e-6 : 0));
        var factor = new PackedCholesky();
        var row = new double[40];
        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j < i; j++) row[j] = k[i, j];
            factor.Append(row.AsSpan(0, i), k[i, i]);
        }

        var b = Enumerable.Range(0, 40).Select(i => Math.Cos(i)).ToArray();
        var solved = new double[40];
        factor.SolveLower(b, solved);
        factor.SolveUpperInPlace(solved);
        var expected = k.Cholesky().Solve(Vector<double>.Build.DenseOfArray(b));
        for (var i = 0; i < 40; i++) Assert.That(solved[i], Is.EqualTo(expected[i]).Within(1e-6 * (1 + Math.Abs(expected[i]))));
        Assert.That(factor.Lifted, Is.Zero);
    }

    [Test]
    public void InterpolatesTrainingPointsAndIsUncertainFarAway()
    {
        var x = RandomInputs(30, 2, 2);
        var gp = new GaussianProcess(new Matern52Kernel(), 2, new KernelParameters([Math.Log(0.3)], 0, Math.Log(1e-6)), 0, 1);
        foreach (var xi in x) gp.Add(xi, Smooth(xi));
        gp.Predict(x[7], out var mean, out var std);
        Assert.That(mean, Is.EqualTo(Smooth(x[7])).Within(1e-3));
        Assert.That(std, Is.LessThan(0.01));
        gp.Predict([5.0, 5.0], out var farMean, out var farStd);
        Assert.That(farStd, Is.EqualTo(1).Within(1e-6), "prior standard deviation far from the data");
        Assert.That(farMean, Is.EqualTo(0).Within(1e-6));
    }

    [Test]
    public void FantasiesAreForgottenExactly()
    {
        var x = RandomInputs(25, 2, 3);
        var gp = new GaussianProcess(new RbfKernel(), 2, new KernelParameters([Math.Log(0.3), Math.Log(0.5)], 0.2, Math.Log(1e-4)), 0.1, 2);
        for (var i = 0; i < 20; i++) gp.Add(x[i], Smooth(x[i]));
        gp.Predict(x[22], out var before, out var beforeStd);
        for (var i = 20; i < 25; i++) gp.Add(x[i], 10);
        gp.Predict(x[22], out var fantasised, out _);
        gp.Truncate(20);
        gp.Predict(x[22], out var after, out var afterStd);
        Assert.That(fantasised, Is.Not.EqualTo(before).Within(1e-3));
        Assert.That(after, Is.EqualTo(before).Within(1e-12));
        Assert.That(afterStd, Is.EqualTo(beforeStd).Within(1e-12));
    }

    [TestCase("matern52", true)]
    [TestCase("matern52", false)]
    [TestCase("rbf", true)]
    [TestCase("rbf", false)]
    public void LikelihoodGradientMatchesFiniteDifferences(string kernelName, bool ard)
    {
        IKernel kernel = kernelName == "rbf" ? new RbfKernel() : new Matern52Kernel();
        var x = RandomInputs(25, 3, 4);
        var y = x.Select(Smooth).ToArray();
        var likelihood = new MarginalLikelihood(kernel, x, y);
        double[] theta = ard ? [Math.Log(0.3), Math.Log(0.6), Math.Log(1.5), 0.3, Math.Log(1e-2)] : [Math.Log(0.4), 0.3, Math.Log(1e-2)];
        var (_, gradient) = likelihood.Evaluate(theta);
        for (var i = 0; i < theta.Length; i++)
        {
            const double h = 1e-5;
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (likelihood.Evaluate(up).Value - likelihood.Evaluate(down).Value) / (2 * h);
            Assert.That(gradient[i], Is.EqualTo(numeric).Within(1e-4 * (1 + Math.Abs(numeric))), $"component {i}");
        }
    }

    [Test]
    public void FittingRaisesTheLikelihoodAndFindsTheIrrelevantInput()
    {
        // y depends on x0 only: ARD must give x2 a much longer length scale than x0.
        var x = RandomInputs(60, 3, 5);
        var y = x.Select(v => Math.Sin(6 * v[0])).ToArray();
        var mean = y.Average();
        var sd = Math.Sqrt(y.Select(v => (v - mean) * (v - mean)).Average());
        var likelihood = new MarginalLikelihood(new Matern52Kernel(), x, y.Select(v => (v - mean) / sd).ToArray());
        var start = KernelParameters.Default(3, ard: true);
        var fitted = new HyperparameterFit(restarts: 2).Fit(likelihood, start, new Random(1));
        Assert.That(likelihood.Evaluate(fitted.ToVector()).Value, Is.LessThan(likelihood.Evaluate(start.ToVector()).Value - 5));
        Assert.That(fitted.LogLengthScales[2], Is.GreaterThan(fitted.LogLengthScales[0] + 1));
    }

    [Test]
    public void ExpectedImprovementMatchesItsClosedForm()
    {
        var ei = new ExpectedImprovement(0);
        // mean = best, std 1: EI = φ(0) = 0.39894...
        Assert.That(ei.Score(0, 1, 0), Is.EqualTo(0.3989422804).Within(1e-9));
        Assert.That(ei.Score(2, 1e-15, 1), Is.EqualTo(1));
        Assert.That(ei.Score(0, 1, 1), Is.LessThan(ei.Score(0, 2, 1)), "more uncertainty, more expected improvement");
        Assert.That(new ProbabilityOfImprovement(0).Score(1, 1, 0), Is.EqualTo(0.8413447461).Within(1e-9));
        Assert.That(new UpperConfidenceBound(2).Score(1, 0.5, 0), Is.EqualTo(2));
    }
}
