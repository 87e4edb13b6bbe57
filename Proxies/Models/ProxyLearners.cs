using ArchGym.Proxies.GaussianProcess;
using ArchGym.Proxies.GradientBoosting;
using ArchGym.Proxies.Mlp;
using ArchGym.Proxies.RandomForest;

namespace ArchGym.Proxies.Models;

/// <summary>The model kinds by name, with their hyperparameters parsed from text.</summary>
public static class ProxyLearners
{
    public static IReadOnlyList<string> Kinds { get; } = [RandomForestLearner.KindName, GradientBoostingLearner.KindName, GaussianProcessLearner.KindName, MlpLearner.KindName];

    /// <summary>A learner; unknown kinds or hyperparameters throw <see cref="ArgumentException"/> naming what is allowed.</summary>
    public static IProxyLearner Create(string kind, IReadOnlyDictionary<string, string>? hyperParameters = null) => kind switch
    {
        RandomForestLearner.KindName => new RandomForestLearner(RandomForestSettings.From(hyperParameters)),
        GradientBoostingLearner.KindName => new GradientBoostingLearner(GradientBoostingSettings.From(hyperParameters)),
        GaussianProcessLearner.KindName => new GaussianProcessLearner(GaussianProcessSettings.From(hyperParameters)),
        MlpLearner.KindName => new MlpLearner(MlpSettings.From(hyperParameters)),
        _ => throw new ArgumentException($"unknown model '{kind}'; allowed: {string.Join(", ", Kinds)}"),
    };

    /// <summary>Every hyperparameter of the learner with its value (defaults filled in), for the model file.</summary>
    public static IReadOnlyDictionary<string, string> Describe(IProxyLearner learner) => learner switch
    {
        RandomForestLearner rf => rf.Settings.ToDictionary(),
        GradientBoostingLearner gbt => gbt.Settings.ToDictionary(),
        GaussianProcessLearner gp => gp.Settings.ToDictionary(),
        MlpLearner mlp => mlp.Settings.ToDictionary(),
        _ => new Dictionary<string, string>(),
    };
}
