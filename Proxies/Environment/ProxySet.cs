using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.Environment;

/// <summary>
/// The proxies of one run, one per modelled metric, shared by every <see cref="ProxyEnvironment"/>
/// worker of the run. In trust mode it collects the simulator's samples and retrains every model
/// on its training rows plus those after each <see cref="TrustSettings.RetrainEvery"/> of them
/// (under a lock, swapping the predictors; the sequence is deterministic with one worker).
/// </summary>
public sealed class ProxySet
{
    private readonly Lock _lock = new();
    private readonly ProxyModelFile[] _files;
    private readonly List<double>[] _extraY;
    private readonly List<double[]>[] _extraX;
    private ProxyPredictor?[] _predictors;
    private int _pending;
    private int _fallbacks;

    /// <summary>Checks every file against the environment (id, parameters, features, known and distinct metrics).</summary>
    public ProxySet(IReadOnlyList<ProxyModelFile> files, string environment, ParameterSpace space, IReadOnlyList<Metric> metrics)
    {
        if (files.Count == 0) throw new ArgumentException("a proxy environment needs at least one model file");
        if (files.All(f => f.Target == Validation.ProxyTrainer.FeasibleTarget)) throw new ArgumentException("a proxy environment needs a model for at least one metric, not only a feasibility model");
        Metrics = metrics;
        Encoder = new FeatureEncoder(space);
        _files = new ProxyModelFile[metrics.Count];
        foreach (var f in files)
        {
            if (f.Environment != environment)
                throw new ArgumentException($"the model for '{f.Target}' was trained on {f.Environment}, not {environment}");
            if (!f.Parameters.SequenceEqual(space.Names))
                throw new ArgumentException($"the model for '{f.Target}' has parameters ({string.Join(", ", f.Parameters)}); {environment} has ({string.Join(", ", space.Names)})");
            if (!f.FeatureNames.SequenceEqual(Encoder.Names))
                throw new ArgumentException($"the model for '{f.Target}' encodes features ({string.Join(", ", f.FeatureNames)}); {environment} gives ({string.Join(", ", Encoder.Names)})");
            if (f.Target == Validation.ProxyTrainer.FeasibleTarget)
            {
                if (Feasibility is not null) throw new ArgumentException("two feasibility models; give one");
                Feasibility = new ProxyPredictor(f.Target, Encoder, f.Model, f.Transform);
                continue;
            }

            var i = Index(metrics, f.Target);
            if (i < 0) throw new ArgumentException($"the model's target '{f.Target}' is not a metric of {environment}; allowed: {string.Join(", ", metrics.Select(m => m.Name))}");
            if (_files[i] is not null) throw new ArgumentException($"two models for metric '{f.Target}'; give one per metric");
            _files[i] = f;
        }

        _predictors = _files.Select(f => f is null ? null : new ProxyPredictor(f.Target, Encoder, f.Model, f.Transform)).ToArray();
        _extraX = metrics.Select(_ => new List<double[]>()).ToArray();
        _extraY = metrics.Select(_ => new List<double>()).ToArray();
    }

    public IReadOnlyList<Metric> Metrics { get; }

    public FeatureEncoder Encoder { get; }

    /// <summary>The feasibility model (target <c>feasible</c>), when one was given; trust mode does not retrain it.</summary>
    public ProxyPredictor? Feasibility { get; }

    /// <summary>The current predictor per metric (null where no model was given), in metric order.</summary>
    public IReadOnlyList<ProxyPredictor?> Predictors => Volatile.Read(ref _predictors);

    /// <summary>Points the simulator evaluated because a model was unsure (trust mode).</summary>
    public int Fallbacks => Volatile.Read(ref _fallbacks);

    /// <summary>Times the models were retrained on the collected samples.</summary>
    public int Retrains { get; private set; }

    /// <summary>Records a simulator sample (metric values in metric order); retrains after every <paramref name="retrainEvery"/>.</summary>
    public void AddSample(DesignPoint point, IReadOnlyList<double> values, int retrainEvery)
    {
        lock (_lock)
        {
            _fallbacks++;
            var x = Encoder.Encode(point);
            for (var m = 0; m < _files.Length; m++)
            {
                if (_files[m] is null || !double.IsFinite(values[m])) continue;
                _extraX[m].Add(x);
                _extraY[m].Add(values[m]);
            }

            if (++_pending < retrainEvery) return;
            _pending = 0;
            Retrain();
        }
    }

    /// <summary>Counts a fallback whose point was infeasible (nothing to learn from).</summary>
    public void CountFallback()
    {
        lock (_lock) _fallbacks++;
    }

    private void Retrain()
    {
        var next = new ProxyPredictor?[_files.Length];
        for (var m = 0; m < _files.Length; m++)
        {
            var f = _files[m];
            if (f is null) continue;
            var rows = f.TrainingY.Length + _extraY[m].Count;
            var x = new double[rows * Encoder.Count];
            f.TrainingX.Values.CopyTo(x, 0);
            for (var k = 0; k < _extraX[m].Count; k++) _extraX[m][k].CopyTo(x, (f.TrainingY.Length + k) * Encoder.Count);
            var y = f.TrainingY.Concat(_extraY[m]).ToArray();
            var model = ProxyLearners.Create(f.Kind, f.HyperParameters).Fit(new FeatureMatrix(x, rows, Encoder.Count), f.Transform.Forward(y, f.Target), f.Seed);
            next[m] = new ProxyPredictor(f.Target, Encoder, model, f.Transform);
        }

        Retrains++;
        Volatile.Write(ref _predictors, next);
    }

    private static int Index(IReadOnlyList<Metric> metrics, string name)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            if (metrics[i].Name == name) return i;
        }

        return -1;
    }
}
