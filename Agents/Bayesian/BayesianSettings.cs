using ArchGym.Agents.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Bayesian;

/// <summary>The <c>bo</c> agent's hyperparameters: their declaration as data, defaults, and the typed values read once.</summary>
public sealed record BayesianSettings(
    int InitialPoints,
    IKernel Kernel,
    bool Ard,
    IAcquisition Acquisition,
    bool KrigingBeliever,
    int Candidates,
    int LocalStarts,
    int LocalSteps,
    int RefitEvery,
    int FitPoints,
    int FitRestarts,
    int MaxGpPoints)
{
    public static ParameterSpace Declared { get; } = new(
    [
        new IntegerParameter("initial_points", 1, 100_000, description: "random points before the first model"),
        new CategoricalParameter("acquisition", ["ei", "ucb", "pi"], "expected improvement, upper confidence bound, probability of improvement"),
        new CategoricalParameter("kernel", ["matern52", "rbf"], "GP kernel on the normalised one-hot encoding"),
        HyperParameters.Bool("ard", "one length scale per encoded input (automatic relevance determination) instead of one shared"),
        new RealParameter("xi", 0, 10, description: "ei/pi: improvement margin, in standard deviations of the observed rewards"),
        new RealParameter("kappa", 0, 100, description: "ucb: standard deviations of optimism"),
        new CategoricalParameter("batch_strategy", ["kriging_believer", "constant_liar"],
            "batch asks: fantasise the model's mean, or the worst reward seen, at each chosen point"),
        new IntegerParameter("candidates", 1, 1_000_000, description: "random candidates per acquisition search"),
        new IntegerParameter("local_starts", 0, 1000, description: "best candidates improved by local search"),
        new IntegerParameter("local_steps", 0, 10_000, description: "most local-search moves per start"),
        new IntegerParameter("refit_every", 1, 1_000_000, description: "observations between kernel refits (in between, incremental Cholesky updates)"),
        new IntegerParameter("fit_points", 2, 5000, description: "most observations the likelihood is fitted on (best half + spread)"),
        new IntegerParameter("fit_restarts", 0, 100, description: "random restarts of the likelihood optimiser besides the warm start"),
        new IntegerParameter("max_gp_points", 2, 20_000, description: "most observations in the exact GP (best half + spread)"),
    ]);

    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        ["initial_points"] = "10", ["acquisition"] = "ei", ["kernel"] = "matern52", ["ard"] = "true", ["xi"] = "0.01",
        ["kappa"] = "2", ["batch_strategy"] = "kriging_believer", ["candidates"] = "512", ["local_starts"] = "4",
        ["local_steps"] = "20", ["refit_every"] = "10", ["fit_points"] = "100", ["fit_restarts"] = "1", ["max_gp_points"] = "500",
    };

    public static BayesianSettings From(HyperParameters hp)
    {
        IKernel kernel = hp.GetText("kernel") == "rbf" ? new RbfKernel() : new Matern52Kernel();
        IAcquisition acquisition = hp.GetText("acquisition") switch
        {
            "ucb" => new UpperConfidenceBound(hp.GetDouble("kappa")),
            "pi" => new ProbabilityOfImprovement(hp.GetDouble("xi")),
            _ => new ExpectedImprovement(hp.GetDouble("xi")),
        };
        return new BayesianSettings(hp.GetInt("initial_points"), kernel, hp.GetBool("ard"), acquisition,
            hp.GetText("batch_strategy") == "kriging_believer", hp.GetInt("candidates"), hp.GetInt("local_starts"),
            hp.GetInt("local_steps"), hp.GetInt("refit_every"), hp.GetInt("fit_points"), hp.GetInt("fit_restarts"),
            hp.GetInt("max_gp_points"));
    }
}
