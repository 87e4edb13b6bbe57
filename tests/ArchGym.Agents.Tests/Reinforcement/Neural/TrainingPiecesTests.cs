using ArchGym.Agents.Reinforcement.Neural;

namespace ArchGym.Agents.Tests.Reinforcement.Neural;

/// <summary>Initialisation, Adam, clipping, softmax and JSON: the pieces a regressor (e.g. the MLP proxy) is trained with.</summary>
public sealed class TrainingPiecesTests
{
    [TestCase(8, 3)]
    [TestCase(3, 8)]
    [TestCase(6, 6)]
    public void OrthogonalInitialisationHasOrthonormalRowsOrColumnsTimesGain(int outputs, int inputs)
    {
        var net = Network.Create(inputs, [], outputs, Activation.Tanh, Activation.Identity, WeightInit.Orthogonal, new Random(5), outputGain: 2);
        var w = net.Layers[0].Weights.ToArray();
        var (count, length) = outputs <= inputs ? (outputs, inputs) : (inputs, outputs);
        double At(int vector, int k) => outputs <= inputs ? w[vector * inputs + k] : w[k * inputs + vector];
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                var dot = 0.0;
                for (var k = 0; k < length; k++) dot += At(a, k) * At(b, k);
                Assert.That(dot, Is.EqualTo(a == b ? 4 : 0).Within(1e-10), $"vectors {a}, {b}");
            }
        }

        Assert.That(net.Layers[0].Biases.ToArray(), Is.All.EqualTo(0));
    }

    [TestCase(WeightInit.Orthogonal)]
    [TestCase(WeightInit.Xavier)]
    [TestCase(WeightInit.He)]
    public void InitialisationIsSeeded(WeightInit init)
    {
        Network Make(int seed) => Network.Create(3, [16], 2, Activation.Relu, Activation.Identity, init, new Random(seed));
        var first = Make(1).Parameters.ToArray();
        var again = Make(1).Parameters.ToArray();
        Assert.That(again, Is.EqualTo(first));
        Assert.That(Make(2).Parameters.ToArray(), Is.Not.EqualTo(first));
    }

    [Test]
    public void AdamFitsASmoothRegressionWithMeanSquaredError()
    {
        var rng = new Random(7);
        const int n = 256;
        var x = new double[n * 2];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[2 * i] = 2 * rng.NextDouble() - 1;
            x[2 * i + 1] = 2 * rng.NextDouble() - 1;
            y[i] = Math.Sin(2 * x[2 * i]) + x[2 * i + 1] * x[2 * i + 1];
        }

        var net = Network.Create(2, [32, 32], 1, Activation.Tanh, Activation.Identity, WeightInit.Xavier, new Random(1));
        var adam = new Adam(net.Parameters.Length, 0.01);
        var gradient = new double[n];
        var first = double.NaN;
        var loss = double.NaN;
        for (var epoch = 0; epoch < 600; epoch++)
        {
            net.ZeroGradients();
            loss = Losses.MeanSquaredError(net.Forward(x, n), y, gradient);
            if (epoch == 0) first = loss;
            net.Backward(gradient);
            GradientClipping.ClipGlobalNorm(net.Gradients, 10);
            adam.Step(net.Parameters, net.Gradients);
        }

        TestContext.Out.WriteLine($"MSE {first:G3} -> {loss:G3} after 600 full-batch Adam steps");
        Assert.That(loss, Is.LessThan(0.005).And.LessThan(first / 50));
        Assert.That(adam.Steps, Is.EqualTo(600));
    }

    [Test]
    public void AdamsFirstStepMovesEachParameterByTheLearningRate()
    {
        var p = new[] { 1.0, -2.0, 3.0, 0.5, 7.0 };
        var adam = new Adam(p.Length, 0.1);
        adam.Step(p, [3.0, -0.5, 1e-3, 100, 0]);
        Assert.That(p, Is.EqualTo(new[] { 0.9, -1.9, 2.9, 0.4, 7.0 }).Within(1e-6));
    }

    [Test]
    public void ClippingScalesTheJointNormDownToTheLimitAndLeavesSmallGradients()
    {
        double[] a = [3, 0], b = [0, 4];
        var norm = GradientClipping.ClipGlobalNorm(a, b, 1);
        Assert.That(norm, Is.EqualTo(5));
        Assert.That(a.Concat(b), Is.EqualTo(new[] { 0.6, 0, 0, 0.8 }).Within(1e-15));
        double[] small = [0.1, 0.2];
        GradientClipping.ClipGlobalNorm(small, 1);
        Assert.That(small, Is.EqualTo(new[] { 0.1, 0.2 }));
    }

    [Test]
    public void SoftmaxIsStableForHugeLogits()
    {
        var p = new double[3];
        var lse = Softmax.Apply([1000, 1000, -1000], p);
        Assert.That(p, Is.EqualTo(new[] { 0.5, 0.5, 0 }).Within(1e-15));
        Assert.That(lse, Is.EqualTo(1000 + Math.Log(2)).Within(1e-9));
    }

    [Test]
    public void JsonRoundTripGivesBitIdenticalWeightsAndOutputs()
    {
        var net = Network.Create(3, [5, 4], 2, Activation.Relu, Activation.Tanh, WeightInit.He, new Random(9));
        var json = NetworkJson.Serialize(net);
        var back = NetworkJson.Deserialize(json);
        Assert.That(json, Does.Contain("\"activation\":\"relu\"").And.Contain(NetworkJson.Format));
        Assert.That(back.Shapes, Is.EqualTo(net.Shapes));
        Assert.That(back.Parameters.ToArray(), Is.EqualTo(net.Parameters.ToArray()));
        double[] x = [0.3, -1.2, 2.5];
        Assert.That(back.Forward(x, 1).ToArray(), Is.EqualTo(net.Forward(x, 1).ToArray()));
        var path = Path.Combine(Path.GetTempPath(), $"archgym-mlp-{Guid.NewGuid():N}.json");
        try
        {
            NetworkJson.Save(net, path);
            Assert.That(NetworkJson.Load(path).Parameters.ToArray(), Is.EqualTo(net.Parameters.ToArray()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("{")]
    [TestCase("{\"format\":\"other\",\"layers\":[],\"parameters\":[]}")]
    [TestCase("{\"format\":\"archgym-mlp-v1\",\"layers\":[{\"inputs\":2,\"outputs\":1,\"activation\":\"tanh\"}],\"parameters\":[1,2]}")]
    [TestCase("{\"format\":\"archgym-mlp-v1\",\"layers\":[{\"inputs\":2,\"outputs\":3,\"activation\":\"tanh\"},{\"inputs\":4,\"outputs\":1,\"activation\":\"identity\"}],\"parameters\":[]}")]
    public void MalformedJsonIsAFormatError(string json) => Assert.Throws<FormatException>(() => NetworkJson.Deserialize(json));
}
