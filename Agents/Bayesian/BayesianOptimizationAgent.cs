using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Bayesian optimisation (Jones, Schonlau &amp; Welch 1998; Snoek, Larochelle &amp; Adams 2012): a GP
/// (<see cref="GaussianProcess"/>) on the normalised one-hot encoding models the reward; each ask
/// maximises an acquisition (EI, UCB or PI) by <see cref="AcquisitionSearch"/>. After
/// <c>initial_points</c> random points, kernel hyperparameters are fitted by maximum likelihood every
/// <c>refit_every</c> observations on at most <c>fit_points</c> of them; in between, observations are
/// added by incremental Cholesky updates. Each refit rebuilds the exact GP on at most
/// <c>max_gp_points</c> observations (<see cref="SubsetSelection"/>: the best half plus an even spread
/// of the rest); observations told between refits are added on top.
/// Batch asks fantasise an outcome at each chosen point — the model's mean (Kriging believer) or the
/// worst reward seen (a pessimistic constant liar; Ginsbourger, Le Riche &amp; Carraro 2010) — and drop
/// the fantasies afterwards. Infeasible evaluations are observations with the worst feasible reward
/// seen (pessimistic imputation), which steers the search away from them without a second model.
/// Points already observed or pending are never asked again; an ask returns fewer points when no
/// unseen point can be found (a small discrete space is exhausted).
/// </summary>
public sealed class BayesianOptimizationAgent : IAgent
{
    public const string AgentName = "bo";

    private readonly ParameterSpace _space;
    private readonly BayesianSettings _settings;
    private readonly Random _rng;
    private readonly FeatureCodec _codec;
    private readonly AcquisitionSearch _search;
    private readonly HyperparameterFit _fit;
    private readonly List<double[]> _x = [];
    private readonly List<double> _reward = [];
    private readonly HashSet<DesignPoint> _seen = [];
    private readonly HashSet<DesignPoint> _pending = [];
    private readonly double[] _fantasy;
    private readonly int[] _fantasyLevels;
    private GaussianProcess? _gp;
    private KernelParameters _parameters;
    private int _sinceRefit;
    private double _worst = double.PositiveInfinity;

    public BayesianOptimizationAgent(ParameterSpace space, BayesianSettings settings, int seed)
    {
        _space = space;
        _settings = settings;
        _rng = new Random(seed);
        _codec = new FeatureCodec(space);
        _search = new AcquisitionSearch(space, _codec, settings.Candidates, settings.LocalStarts, settings.LocalSteps);
        _fit = new HyperparameterFit(settings.FitRestarts);
        _parameters = KernelParameters.Default(_codec.Inputs, settings.Ard);
        _fantasy = new double[_codec.Inputs];
        _fantasyLevels = new int[_codec.Parameters];
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Bayesian optimisation: GP (Matern-5/2 or RBF, ML-fitted) with EI/UCB/PI, random + local acquisition search, batch fantasies",
        BayesianSettings.Declared,
        BayesianSettings.Defaults,
        c => new BayesianOptimizationAgent(c.Space, BayesianSettings.From(c.HyperParameters), c.Seed));

    public string Name => AgentName;

    /// <summary>The current model (null until <c>initial_points</c> observations include a feasible one).</summary>
    public GaussianProcess? Model => _gp;

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new List<DesignPoint>(count);
        var modelled = _gp?.Count ?? 0;
        for (var b = 0; b < count; b++)
        {
            var point = _gp is null ? null : _search.Maximize(_gp, _settings.Acquisition, _rng, IsTaken);
            point ??= RandomUnseen();
            if (point is null) break;
            points.Add(point);
            _pending.Add(point);
            if (_gp is not null && b + 1 < count) Fantasise(_gp, point);
        }

        _gp?.Truncate(modelled);
        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        var first = _x.Count;
        foreach (var e in results)
        {
            var point = _space.Adopt(e.Point);
            _pending.Remove(point);
            _seen.Add(point);
            _x.Add(_space.ToUnit(point, oneHot: true));
            var fitness = Fitness.Of(e);
            _reward.Add(fitness);
            if (double.IsFinite(fitness)) _worst = Math.Min(_worst, fitness);
        }

        if (_x.Count < _settings.InitialPoints || double.IsPositiveInfinity(_worst)) return;
        _sinceRefit += results.Count;
        if (_gp is null || _sinceRefit >= _settings.RefitEvery || _gp.Count + results.Count > 2 * _settings.MaxGpPoints)
        {
            Refit();
            return;
        }

        // Between refits the model may grow past max_gp_points (never past twice it); the next refit re-applies the cap.
        for (var i = first; i < _x.Count; i++) _gp.Add(_x[i], Target(i));
    }

    private double Target(int i) => double.IsFinite(_reward[i]) ? _reward[i] : _worst;

    private void Refit()
    {
        _sinceRefit = 0;
        var targets = new double[_x.Count];
        for (var i = 0; i < targets.Length; i++) targets[i] = Target(i);
        var model = SubsetSelection.BestAndSpread(targets, _settings.MaxGpPoints);
        var (mean, scale) = MeanAndScale(targets, model);
        var fitted = SubsetSelection.BestAndSpread(targets, _settings.FitPoints);
        var likelihood = new MarginalLikelihood(_settings.Kernel, fitted.Select(i => _x[i]).ToArray(),
            fitted.Select(i => (targets[i] - mean) / scale).ToArray());
        _parameters = _fit.Fit(likelihood, _parameters, _rng);
        _gp = new GaussianProcess(_settings.Kernel, _codec.Inputs, _parameters, mean, scale);
        foreach (var i in model) _gp.Add(_x[i], targets[i]);
    }

    private void Fantasise(GaussianProcess gp, DesignPoint point)
    {
        _codec.Encode(point, _fantasy, _fantasyLevels);
        double lie;
        if (_settings.KrigingBeliever)
        {
            gp.Predict(_fantasy, out var mean, out _);
            lie = gp.TargetMean + gp.TargetScale * mean;
        }
        else
        {
            lie = _worst;
        }

        gp.Add(_fantasy, lie);
    }

    private DesignPoint? RandomUnseen()
    {
        for (var tries = 0; tries < 100; tries++)
        {
            var point = _space.SampleFeasible(_rng);
            if (!IsTaken(point)) return point;
        }

        return null;
    }

    private bool IsTaken(DesignPoint point) => _seen.Contains(point) || _pending.Contains(point);

    private static (double Mean, double Scale) MeanAndScale(double[] targets, int[] subset)
    {
        var mean = 0.0;
        foreach (var i in subset) mean += targets[i];
        mean /= subset.Length;
        var variance = 0.0;
        foreach (var i in subset) variance += (targets[i] - mean) * (targets[i] - mean);
        var scale = Math.Sqrt(variance / subset.Length);
        return (mean, scale > 1e-12 ? scale : 1);
    }
}
