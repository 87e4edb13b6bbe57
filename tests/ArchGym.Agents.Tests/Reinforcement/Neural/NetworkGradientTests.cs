using ArchGym.Agents.Reinforcement.Neural;

namespace ArchGym.Agents.Tests.Reinforcement.Neural;

/// <summary>Backpropagation against central finite differences, and the batch forward against per-sample forwards.</summary>
public sealed class NetworkGradientTests
{
    private const int Batch = 5;

    private static Network MakeNetwork(Activation hidden, int seed = 3) =>
        Network.Create(4, [7, 6], 3, hidden, Activation.Identity, WeightInit.Xavier, new Random(seed), hiddenGain: 1.3);

    private static (double[] X, double[] Y) Data(int seed)
    {
        var rng = new Random(seed);
        var x = new double[Batch * 4];
        var y = new double[Batch * 3];
        for (var i = 0; i < x.Length; i++) x[i] = 2 * rng.NextDouble() - 1;
        for (var i = 0; i < y.Length; i++) y[i] = 2 * rng.NextDouble() - 1;
        return (x, y);
    }

    private static double Loss(Network net, double[] x, double[] y)
    {
        var scratch = new double[y.Length];
        return Losses.MeanSquaredError(net.Forward(x, Batch), y, scratch);
    }

    [TestCase(Activation.Tanh)]
    [TestCase(Activation.Relu)]
    [TestCase(Activation.Identity)]
    public void ParameterGradientsMatchFiniteDifferences(Activation hidden)
    {
        var net = MakeNetwork(hidden);
        var (x, y) = Data(11);
        var gradient = new double[y.Length];
        net.ZeroGradients();
        Losses.MeanSquaredError(net.Forward(x, Batch), y, gradient);
        net.Backward(gradient);
        var analytic = net.Gradients.ToArray();
        const double h = 1e-6;
        var worst = 0.0;
        for (var i = 0; i < net.Parameters.Length; i++)
        {
            var keep = net.Parameters[i];
            net.Parameters[i] = keep + h;
            var plus = Loss(net, x, y);
            net.Parameters[i] = keep - h;
            var minus = Loss(net, x, y);
            net.Parameters[i] = keep;
            var numeric = (plus - minus) / (2 * h);
            worst = Math.Max(worst, Math.Abs(numeric - analytic[i]) / Math.Max(1e-3, Math.Abs(numeric) + Math.Abs(analytic[i])));
        }

        Assert.That(worst, Is.LessThan(1e-6), $"worst relative gradient error over {analytic.Length} parameters");
        Assert.That(analytic.Count(g => g != 0), Is.GreaterThan(analytic.Length / 2), "most parameters get a gradient");
    }

    [Test]
    public void InputGradientsMatchFiniteDifferences()
    {
        var net = MakeNetwork(Activation.Tanh);
        var (x, y) = Data(12);
        var gradient = new double[y.Length];
        net.ZeroGradients();
        Losses.MeanSquaredError(net.Forward(x, Batch), y, gradient);
        var analytic = net.Backward(gradient, inputGradient: true).ToArray();
        Assert.That(analytic, Has.Length.EqualTo(x.Length));
        const double h = 1e-6;
        for (var i = 0; i < x.Length; i++)
        {
            var keep = x[i];
            x[i] = keep + h;
            var plus = Loss(net, x, y);
            x[i] = keep - h;
            var minus = Loss(net, x, y);
            x[i] = keep;
            Assert.That(analytic[i], Is.EqualTo((plus - minus) / (2 * h)).Within(1e-7), $"input {i}");
        }
    }

    [Test]
    public void GradientsAccumulateUntilZeroed()
    {
        var net = MakeNetwork(Activation.Tanh);
        var (x, y) = Data(13);
        var gradient = new double[y.Length];
        net.ZeroGradients();
        Losses.MeanSquaredError(net.Forward(x, Batch), y, gradient);
        net.Backward(gradient);
        var once = net.Gradients.ToArray();
        net.Forward(x, Batch);
        net.Backward(gradient);
        Assert.That(net.Gradients.ToArray(), Is.EqualTo(once.Select(g => 2 * g).ToArray()).Within(1e-12));
        net.ZeroGradients();
        Assert.That(net.Gradients.ToArray(), Is.All.EqualTo(0));
    }

    [Test]
    public void ABatchForwardEqualsOneSampleAtATime()
    {
        var net = MakeNetwork(Activation.Relu);
        var (x, _) = Data(14);
        var batch = net.Forward(x, Batch).ToArray();
        for (var b = 0; b < Batch; b++)
        {
            var single = net.Forward(x.AsSpan(b * 4, 4), 1).ToArray();
            Assert.That(single, Is.EqualTo(batch.Skip(b * 3).Take(3).ToArray()).Within(1e-14), $"sample {b}");
        }
    }

    [Test]
    public void MismatchedShapesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new Network([new LayerShape(3, 4, Activation.Tanh), new LayerShape(5, 1, Activation.Identity)]));
        var net = MakeNetwork(Activation.Tanh);
        Assert.Throws<InvalidOperationException>(() => net.Clone().Backward(new double[3]));
        Assert.Throws<ArgumentException>(() => net.Forward(new double[7], 2));
    }
}
