using System.Globalization;
using ArchGym.Agents.Reinforcement.Neural;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.Mlp;

/// <summary>
/// MLP-proxy hyperparameters: hidden widths (<c>hidden=64,64</c>), activation, Adam's learning rate,
/// mini-batch size, epochs, and early stopping on a held-out fraction (stop after <see cref="Patience"/>
/// epochs without a better validation error, keep the best weights), and learning-rate decay on plateaus (times
/// <see cref="LearningRateDecay"/> after every <see cref="DecayPatience"/> epochs without improvement; 1 = off).
/// </summary>
public sealed record MlpSettings(IReadOnlyList<int> Hidden, Activation Activation, double LearningRate, int BatchSize, int Epochs,
    double ValidationFraction, int Patience, double LearningRateDecay, int DecayPatience)
{
    public static MlpSettings Default { get; } = From(null);

    public static MlpSettings From(IReadOnlyDictionary<string, string>? hp)
    {
        var r = new HyperReader("mlp", hp);
        r.Known("hidden");
        var settings = new MlpSettings(
            ParseHidden(hp is not null && hp.TryGetValue("hidden", out var h) ? h : "64,64"),
            r.Choice("activation", "relu", ["tanh", "relu"]) == "relu" ? Activation.Relu : Activation.Tanh,
            r.Double("learning_rate", 3e-3, 1e-7, 1),
            r.Int("batch", 32, 1, 65_536),
            r.Int("epochs", 400, 1, 100_000),
            r.Double("validation_fraction", 0.1, 0, 0.9),
            r.Int("patience", 40, 1, 100_000),
            r.Double("lr_decay", 0.5, 1e-3, 1),
            r.Int("decay_patience", 10, 1, 100_000));
        r.RejectUnknown();
        return settings;
    }

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["hidden"] = string.Join(",", Hidden),
        ["activation"] = Activation == Activation.Relu ? "relu" : "tanh",
        ["learning_rate"] = LearningRate.ToString("R", CultureInfo.InvariantCulture),
        ["batch"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
        ["validation_fraction"] = ValidationFraction.ToString("R", CultureInfo.InvariantCulture),
        ["patience"] = Patience.ToString(CultureInfo.InvariantCulture),
        ["lr_decay"] = LearningRateDecay.ToString("R", CultureInfo.InvariantCulture),
        ["decay_patience"] = DecayPatience.ToString(CultureInfo.InvariantCulture),
    };

    private static int[] ParseHidden(string text)
    {
        var parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var widths = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out widths[i]) || widths[i] is < 1 or > 4096)
                throw new ArgumentException($"model mlp: hyperparameter hidden='{text}' is not allowed; expected layer widths 1..4096, comma separated (e.g. 64,64)");
        }

        return widths.Length > 0 ? widths : throw new ArgumentException("model mlp: hyperparameter hidden is empty; expected layer widths, e.g. 64,64");
    }
}
