using ArchGym.Agents.Core;
using ArchGym.Agents.Reinforcement.Neural;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// PPO's hyperparameters (Schulman et al. 2017), declared as data so sweeps can grid or sample them.
/// <see cref="Batch"/> is the number of evaluations (steps) collected per update; each update runs
/// <see cref="Epochs"/> passes over them in shuffled minibatches of <see cref="Minibatch"/>. The
/// defaults are tuned for DSE budgets of hundreds to a few thousand evaluations (a larger learning
/// rate and smaller batches than PPO's Atari/MuJoCo settings).
/// </summary>
public sealed record PpoSettings(
    double LearningRate,
    double EntropyCoef,
    double Clip,
    int Batch,
    int Epochs,
    int Minibatch,
    double Gamma,
    double GaeLambda,
    int HiddenLayers,
    int HiddenUnits,
    Activation Activation,
    double ValueCoef,
    double MaxGradNorm,
    bool NormalizeRewards,
    double InfeasibleMargin,
    int RealBins,
    int MaxLevels)
{
    /// <summary>Adam's ε, CleanRL's PPO value (larger than Adam's 1e-8, steadier with small gradients).</summary>
    public const double AdamEpsilon = 1e-5;

    public static IReadOnlyList<Parameter> DeclaredParameters { get; } =
    [
        new RealParameter("learning_rate", 1e-6, 1, logScale: true, description: "Adam step size of the actor and the critic"),
        new RealParameter("entropy_coef", 0, 1, description: "weight of the policy-entropy bonus (exploration)"),
        new RealParameter("clip", 0.01, 10, description: "PPO's ratio clip ε: the update keeps π/π_old within [1 − ε, 1 + ε]"),
        new IntegerParameter("batch", 1, 1_000_000, description: "evaluations (steps) collected per policy update"),
        new IntegerParameter("epochs", 1, 100, description: "passes over each batch per update"),
        new IntegerParameter("minibatch", 1, 1_000_000, description: "samples per gradient step (at most batch)"),
        new RealParameter("gamma", 0, 1, description: "discount of multi-step episodes (one-step DSE ignores it)"),
        new RealParameter("gae_lambda", 0, 1, description: "GAE's λ: 0 = one-step TD advantages, 1 = Monte-Carlo returns"),
        new IntegerParameter("hidden_layers", 0, 8, description: "hidden layers of the actor and critic networks"),
        new IntegerParameter("hidden_units", 1, 4096, description: "units per hidden layer"),
        new CategoricalParameter("activation", ["tanh", "relu"], "hidden-layer non-linearity"),
        new RealParameter("value_coef", 0, 100, description: "weight of the critic's squared error in the jointly clipped gradient"),
        new RealParameter("max_grad_norm", 0.001, 1e6, description: "global gradient-norm limit of a step (actor and critic together)"),
        HyperParameters.Bool("normalize_rewards", "standardise rewards by their running mean and standard deviation"),
        new RealParameter("infeasible_margin", 0, 1000, description: "an infeasible evaluation's reward: the worst seen minus this many standard deviations"),
        new IntegerParameter("real_bins", 2, 4096, description: "values a real parameter is discretised into (evenly spaced in normalised units)"),
        new IntegerParameter("max_levels", 2, 65536, description: "a discrete parameter with more values gets this many evenly spaced ones"),
    ];

    public static IReadOnlyDictionary<string, string> DefaultValues { get; } = new Dictionary<string, string>
    {
        ["learning_rate"] = "0.003", ["entropy_coef"] = "0.01", ["clip"] = "0.2", ["batch"] = "32", ["epochs"] = "4",
        ["minibatch"] = "8", ["gamma"] = "0.99", ["gae_lambda"] = "0.95", ["hidden_layers"] = "2", ["hidden_units"] = "64",
        ["activation"] = "tanh", ["value_coef"] = "0.5", ["max_grad_norm"] = "0.5", ["normalize_rewards"] = "true",
        ["infeasible_margin"] = "1", ["real_bins"] = "16", ["max_levels"] = "256",
    };

    /// <summary>The defaults as settings (for code that drives PPO directly, e.g. the sequential trainer).</summary>
    public static PpoSettings Default { get; } =
        From(HyperParameters.Parse("ppo", new ParameterSpace(DeclaredParameters), DefaultValues, new Dictionary<string, string>()));

    public static PpoSettings From(HyperParameters hp) => new(
        hp.GetDouble("learning_rate"), hp.GetDouble("entropy_coef"), hp.GetDouble("clip"), hp.GetInt("batch"), hp.GetInt("epochs"),
        hp.GetInt("minibatch"), hp.GetDouble("gamma"), hp.GetDouble("gae_lambda"), hp.GetInt("hidden_layers"), hp.GetInt("hidden_units"),
        hp.GetText("activation") == "relu" ? Activation.Relu : Activation.Tanh, hp.GetDouble("value_coef"), hp.GetDouble("max_grad_norm"),
        hp.GetBool("normalize_rewards"), hp.GetDouble("infeasible_margin"), hp.GetInt("real_bins"), hp.GetInt("max_levels"));

    /// <summary>The hidden layer widths.</summary>
    public int[] Hidden()
    {
        var hidden = new int[HiddenLayers];
        Array.Fill(hidden, HiddenUnits);
        return hidden;
    }
}
