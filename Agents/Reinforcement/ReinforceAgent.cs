using ArchGym.Agents.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// REINFORCE with a learned baseline (Williams 1992; Sutton et al. 2000) as a second single-agent
/// baseline: the <see cref="PpoAgent"/> machinery with one gradient step per batch over the whole
/// batch and no ratio clipping, so the loss is −(r − V)·log π − c_H·H (the ratio is 1 except for points
/// asked before the previous update, which it importance-weights). Same heads, reward normalisation and
/// infeasible handling as <c>ppo</c>.
/// </summary>
public static class ReinforceAgent
{
    public const string AgentName = "reinforce";

    private static readonly string[] Kept =
    [
        "learning_rate", "entropy_coef", "batch", "hidden_layers", "hidden_units", "activation", "value_coef", "max_grad_norm",
        "normalize_rewards", "infeasible_margin", "real_bins", "max_levels",
    ];

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "REINFORCE with a learned value baseline and entropy bonus; one policy-gradient step per batch, a categorical head per knob",
        new ParameterSpace(PpoSettings.DeclaredParameters.Where(p => Kept.Contains(p.Name))),
        Kept.ToDictionary(n => n, n => n == "learning_rate" ? "0.01" : PpoSettings.DefaultValues[n]),
        c => new PpoAgent(AgentName, c.Space, Settings(c.HyperParameters), c.Seed));

    /// <summary>PPO settings that make its update REINFORCE's: one epoch, one minibatch of the whole batch, no clip.</summary>
    public static PpoSettings Settings(HyperParameters hp)
    {
        double Real(string name) => hp.GetDouble(name);
        var batch = hp.GetInt("batch");
        return new PpoSettings(Real("learning_rate"), Real("entropy_coef"), double.PositiveInfinity, batch, 1, batch, 0, 0,
            hp.GetInt("hidden_layers"), hp.GetInt("hidden_units"), hp.GetText("activation") == "relu" ? Neural.Activation.Relu : Neural.Activation.Tanh,
            Real("value_coef"), Real("max_grad_norm"), hp.GetBool("normalize_rewards"), Real("infeasible_margin"), hp.GetInt("real_bins"),
            hp.GetInt("max_levels"));
    }
}
