using System.Globalization;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Core.Wrappers;

namespace ArchGym.Proxies.Environment;

/// <summary>
/// A drop-in stand-in for a simulator-backed environment: the same name, workload, action space,
/// metric names and task (reward, targets, termination), but each step's metrics come from the
/// trained proxies (<see cref="ProxySet"/>). Metrics without a model observe NaN; the reward must not
/// need them (checked on construction). In trust mode (<see cref="TrustSettings"/>) a point where a
/// model is unsure is evaluated by the real environment instead and becomes a training sample.
/// Step info carries <c>proxy_fallback</c> (1 when the simulator answered) and <c>proxy_max_relative_std</c>.
/// Designs the simulator would reject are reported infeasible only with a feasibility model (target
/// <c>feasible</c>, predicted below ½); without one the proxy predicts them like any other design.
/// </summary>
public sealed class ProxyEnvironment : EnvironmentBase
{
    public const string FallbackKey = "proxy_fallback";
    public const string RelativeStdKey = "proxy_max_relative_std";

    private readonly IEnvironment _real;
    private readonly ProxySet _proxies;
    private readonly TrustSettings? _trust;
    private bool _realNeedsReset = true;

    public ProxyEnvironment(IEnvironment real, ProxySet proxies, TrustSettings? trust = null)
        : base(real.Name, real.Workload, real.ActionSpace, real.Metrics,
            (EnvironmentWrapper.Find<EnvironmentBase>(real) ?? throw new ArgumentException($"{real.Name}: a proxy needs an environment with a task (reward and targets)")).Task)
    {
        if (!ReferenceEquals(proxies.Metrics, real.Metrics) && !proxies.Metrics.Select(m => m.Name).SequenceEqual(real.Metrics.Select(m => m.Name)))
            throw new ArgumentException($"the proxies were made for metrics ({string.Join(", ", proxies.Metrics.Select(m => m.Name))}), not those of {real.Name}");
        trust?.Validate();
        if (trust is not null && proxies.Predictors.Any(p => p is not null && !p.Model.HasUncertainty))
            throw new ArgumentException($"trust mode needs models with uncertainty (rf or gp); got {string.Join(", ", proxies.Predictors.Where(p => p is not null).Select(p => $"{p!.Metric}: {p.Model.Kind}"))}");
        _real = real;
        _proxies = proxies;
        _trust = trust;
        RequireModelledReward();
    }

    public ProxySet Proxies => _proxies;

    protected override MetricResult Evaluate(DesignPoint point)
    {
        if (_proxies.Feasibility is { } feasibility && feasibility.Predict(point) is var chance && chance < 0.5)
            return MetricResult.Infeasible(string.Create(CultureInfo.InvariantCulture, $"the proxy's feasibility model predicts infeasible (p = {chance:0.###})"));
        var predictors = _proxies.Predictors;
        var values = new double[Metrics.Count];
        var maxRelativeStd = 0.0;
        for (var m = 0; m < values.Length; m++)
        {
            var p = predictors[m];
            if (p is null)
            {
                values[m] = double.NaN;
                continue;
            }

            if (_trust is null)
            {
                values[m] = p.Predict(point);
                continue;
            }

            var prediction = p.PredictWithUncertainty(point);
            values[m] = prediction.Mean;
            maxRelativeStd = Math.Max(maxRelativeStd, prediction.Std / Math.Max(Math.Abs(prediction.Mean), 1e-300));
        }

        if (_trust is not null && maxRelativeStd > _trust.MaxRelativeStd) return Simulate(point, maxRelativeStd);
        return MetricResult.Ok(values, new Dictionary<string, double> { [FallbackKey] = 0, [RelativeStdKey] = maxRelativeStd });
    }

    protected override void OnReset() => _realNeedsReset = true;

    public override void Dispose()
    {
        _real.Dispose();
        base.Dispose();
    }

    private MetricResult Simulate(DesignPoint point, double relativeStd)
    {
        if (_realNeedsReset) _real.Reset(Seed);
        var step = _real.Step(point);
        _realNeedsReset = step.Terminated || step.Truncated;
        if (!step.Info.Feasible)
        {
            _proxies.CountFallback();
            return MetricResult.Infeasible(step.Info.InfeasibleReason ?? "infeasible on the simulator");
        }

        _proxies.AddSample(point, step.Observation.Values, _trust!.RetrainEvery);
        var extra = new Dictionary<string, double>(step.Info.Extra ?? new Dictionary<string, double>()) { [FallbackKey] = 1, [RelativeStdKey] = relativeStd };
        return MetricResult.Ok(step.Observation.Values, extra);
    }

    /// <summary>
    /// Null when the task's reward and targets can be computed from the <paramref name="modelled"/> metrics
    /// alone, else an error message naming the metrics without a model. The probe: a reward of finite
    /// modelled values and NaN elsewhere must be a number.
    /// </summary>
    public static string? CheckTaskNeeds(TaskSettings task, IReadOnlyList<Metric> metrics, IReadOnlyCollection<string> modelled)
    {
        var has = metrics.Select(m => modelled.Contains(m.Name)).ToArray();
        var probe = has.Select(h => h ? 1.0 : double.NaN).ToArray();
        if (!double.IsNaN(task.Reward.Compute(probe)) && task.Targets.Targets.All(t => has[t.Index])) return null;
        var missing = metrics.Where((_, i) => !has[i]).Select(m => m.Name);
        return $"the reward ({task.Reward.Name}) or targets use metrics without a proxy model; give models for: {string.Join(", ", missing)} " +
            "(or set targets/reward on the modelled metrics only)";
    }

    private void RequireModelledReward()
    {
        var modelled = _proxies.Predictors.Where(p => p is not null).Select(p => p!.Metric).ToArray();
        if (CheckTaskNeeds(Task, Metrics, modelled) is { } problem) throw new ArgumentException(problem);
    }
}
