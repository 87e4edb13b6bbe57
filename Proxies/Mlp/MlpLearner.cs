using System.Text.Json.Nodes;
using ArchGym.Agents.Reinforcement.Neural;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.Mlp;

/// <summary>
/// A multilayer-perceptron regressor on the RL issue's network core (<see cref="Network"/>, <see cref="Adam"/>,
/// <see cref="NetworkJson"/>): inputs and the target are standardised, mini-batch Adam minimises the
/// squared error, the learning rate decays on plateaus, and the weights with the best validation error are kept (early stopping).
/// </summary>
public sealed class MlpLearner(MlpSettings settings) : IProxyLearner
{
    public const string KindName = "mlp";

    public string Kind => KindName;

    public MlpSettings Settings { get; } = settings;

    public IProxyModel Fit(FeatureMatrix x, IReadOnlyList<double> y, int seed)
    {
        if (x.Rows < 2) throw new ArgumentException("an MLP needs at least two training rows");
        var s = Settings;
        var rng = new Random(seed);
        var d = x.Columns;
        var (inMean, inScale) = ColumnScales(x);
        var yMean = y.Average();
        var yScale = Math.Sqrt(y.Average(v => (v - yMean) * (v - yMean)));
        if (!(yScale > 1e-300)) yScale = 1;
        var z = new double[x.Values.Length];
        for (var i = 0; i < x.Rows; i++)
        {
            for (var j = 0; j < d; j++) z[i * d + j] = (x[i, j] - inMean[j]) / inScale[j];
        }

        var t = y.Select(v => (v - yMean) / yScale).ToArray();
        int[] fit, valid;
        if (s.ValidationFraction > 0 && x.Rows >= 10) (fit, valid) = DataSplit.TrainTest(x.Rows, s.ValidationFraction, rng.Next());
        else (fit, valid) = (Enumerable.Range(0, x.Rows).ToArray(), []);

        var init = s.Activation == Activation.Relu ? WeightInit.He : WeightInit.Xavier;
        var network = Network.Create(d, s.Hidden, 1, s.Activation, Activation.Identity, init, rng);
        var adam = new Adam(network.Parameters.Length, s.LearningRate);
        var batch = Math.Min(s.BatchSize, fit.Length);
        var inputs = new double[batch * d];
        var targets = new double[batch];
        var gradient = new double[batch];
        var validInputs = valid.SelectMany(i => z.AsSpan(i * d, d).ToArray()).ToArray();
        var validTargets = valid.Select(i => t[i]).ToArray();
        var validGradient = new double[valid.Length];
        var best = network.Parameters.ToArray();
        var bestError = double.PositiveInfinity;
        var sinceBest = 0;
        for (var epoch = 0; epoch < s.Epochs; epoch++)
        {
            Shuffle(fit, rng);
            for (var start = 0; start + batch <= fit.Length; start += batch)
            {
                for (var b = 0; b < batch; b++)
                {
                    var r = fit[start + b];
                    z.AsSpan(r * d, d).CopyTo(inputs.AsSpan(b * d, d));
                    targets[b] = t[r];
                }

                var output = network.Forward(inputs, batch);
                Losses.MeanSquaredError(output, targets, gradient);
                network.ZeroGradients();
                network.Backward(gradient);
                adam.Step(network.Parameters, network.Gradients);
            }

            if (valid.Length == 0) continue;
            var error = Losses.MeanSquaredError(network.Forward(validInputs, valid.Length), validTargets, validGradient);
            if (error < bestError)
            {
                bestError = error;
                network.Parameters.CopyTo(best);
                sinceBest = 0;
            }
            else if (++sinceBest >= s.Patience) break;
            else if (sinceBest % s.DecayPatience == 0) adam.LearningRate *= s.LearningRateDecay;
        }

        if (valid.Length > 0) best.CopyTo(network.Parameters);
        return new MlpModel(network, inMean, inScale, yMean, yScale);
    }

    public IProxyModel Load(JsonObject json, int features)
    {
        Network network;
        try
        {
            network = NetworkJson.Deserialize(Json.Object(json, "network").ToJsonString());
        }
        catch (FormatException e)
        {
            throw new FormatException($"field 'network': {e.Message}", e);
        }

        if (network.Inputs != features || network.Outputs != 1) throw new FormatException($"the network maps {network.Inputs} inputs to {network.Outputs} outputs; expected {features} to 1");
        var inMean = Json.Doubles(json, "input_mean");
        var inScale = Json.Doubles(json, "input_scale");
        if (inMean.Length != features || inScale.Length != features) throw new FormatException("input scaling does not match the features");
        return new MlpModel(network, inMean, inScale, Json.Double(json, "target_mean"), Json.Double(json, "target_scale"));
    }

    private static (double[] Mean, double[] Scale) ColumnScales(FeatureMatrix x)
    {
        var mean = new double[x.Columns];
        var scale = new double[x.Columns];
        for (var j = 0; j < x.Columns; j++)
        {
            double m = 0, m2 = 0;
            for (var i = 0; i < x.Rows; i++) m += x[i, j];
            m /= x.Rows;
            for (var i = 0; i < x.Rows; i++) m2 += (x[i, j] - m) * (x[i, j] - m);
            mean[j] = m;
            var sd = Math.Sqrt(m2 / x.Rows);
            scale[j] = sd > 1e-12 ? sd : 1;
        }

        return (mean, scale);
    }

    private static void Shuffle(int[] items, Random rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>A trained MLP. <see cref="Network"/> reuses its buffers, so calls are serialised by a lock (no allocation).</summary>
public sealed class MlpModel(Network network, double[] inputMean, double[] inputScale, double targetMean, double targetScale) : IProxyModel
{
    private readonly Lock _lock = new();
    private readonly double[] _input = new double[network.Inputs];

    public string Kind => MlpLearner.KindName;

    public int Features => network.Inputs;

    public bool HasUncertainty => false;

    public double Predict(ReadOnlySpan<double> features)
    {
        lock (_lock)
        {
            for (var j = 0; j < _input.Length; j++) _input[j] = (features[j] - inputMean[j]) / inputScale[j];
            return targetMean + targetScale * network.Forward(_input, 1)[0];
        }
    }

    public Prediction PredictWithUncertainty(ReadOnlySpan<double> features) => new(Predict(features), double.NaN);

    public JsonObject Save() => new()
    {
        ["network"] = JsonNode.Parse(NetworkJson.Serialize(network))!.AsObject(),
        ["input_mean"] = Json.Numbers(inputMean),
        ["input_scale"] = Json.Numbers(inputScale),
        ["target_mean"] = targetMean,
        ["target_scale"] = targetScale,
    };
}
