namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Exact GP regression (Rasmussen &amp; Williams 2006, alg. 2.1) on standardised targets with fixed
/// kernel hyperparameters, kept up to date incrementally: <see cref="Add"/> borders the Cholesky
/// factor in O(n²) and <see cref="Truncate"/> drops fantasies, so neither refits nor refactors.
/// <see cref="Predict"/> is O(n·d + n²) and allocates nothing (it reuses buffers: one thread at a time).
/// </summary>
public sealed class GaussianProcess
{
    private readonly IKernel _kernel;
    private readonly int _d;
    private readonly double[] _inverseL2;
    private readonly double _signal;
    private readonly double _noise;
    private readonly PackedCholesky _factor = new();
    private double[] _x;
    private double[] _y = new double[64];
    private double[] _alpha = new double[64];
    private double[] _k = new double[64];
    private double[] _v = new double[64];
    private double[] _kBatch = [];
    private double[] _vBatch = [];
    private bool _alphaStale;

    public GaussianProcess(IKernel kernel, int inputs, KernelParameters parameters, double targetMean, double targetScale)
    {
        _kernel = kernel;
        _d = inputs;
        _x = new double[_y.Length * inputs];
        _inverseL2 = parameters.InverseSquaredLengthScales(inputs);
        _signal = Math.Exp(parameters.LogSignal);
        _noise = Math.Exp(parameters.LogNoise);
        Parameters = parameters;
        TargetMean = targetMean;
        TargetScale = targetScale > 0 && double.IsFinite(targetScale) ? targetScale : 1;
    }

    public KernelParameters Parameters { get; }

    public double TargetMean { get; }

    public double TargetScale { get; }

    public int Count => _factor.Count;

    /// <summary>The largest standardised target (the incumbent for EI and PI).</summary>
    public double BestTarget { get; private set; } = double.NegativeInfinity;

    public double Standardize(double raw) => (raw - TargetMean) / TargetScale;

    /// <summary>Adds an observation (a raw target); O(n²).</summary>
    public void Add(ReadOnlySpan<double> x, double rawTarget)
    {
        var n = Count;
        EnsureCapacity(n + 1);
        x.CopyTo(_x.AsSpan(n * _d, _d));
        for (var i = 0; i < n; i++) _k[i] = Covariance(_x.AsSpan(i * _d, _d), x);
        _factor.Append(_k.AsSpan(0, n), _signal + _noise);
        _y[n] = Standardize(rawTarget);
        BestTarget = Math.Max(BestTarget, _y[n]);
        _alphaStale = true;
    }

    /// <summary>Forgets the observations added after the first <paramref name="count"/> (fantasies of a batch).</summary>
    public void Truncate(int count)
    {
        if (count >= Count) return;
        _factor.Truncate(count);
        BestTarget = double.NegativeInfinity;
        for (var i = 0; i < count; i++) BestTarget = Math.Max(BestTarget, _y[i]);
        _alphaStale = true;
    }

    /// <summary>Posterior mean and standard deviation of the latent function, in standardised units.</summary>
    public void Predict(ReadOnlySpan<double> x, out double mean, out double std)
    {
        var n = Count;
        if (n == 0)
        {
            (mean, std) = (0, Math.Sqrt(_signal));
            return;
        }

        if (_alphaStale) RefreshAlpha();
        var k = _k.AsSpan(0, n);
        for (var i = 0; i < n; i++) k[i] = Covariance(_x.AsSpan(i * _d, _d), x);
        mean = VectorMath.Dot(k, _alpha.AsSpan(0, n));
        var v = _v.AsSpan(0, n);
        _factor.SolveLower(k, v);
        var variance = _signal - VectorMath.Dot(v, v);
        std = Math.Sqrt(Math.Max(variance, 1e-12 * _signal));
    }

    /// <summary>The posterior mean alone, in standardised units: O(n·d), no triangular solve (for proxies that need speed).</summary>
    public double PredictMean(ReadOnlySpan<double> x)
    {
        var n = Count;
        if (n == 0) return 0;
        if (_alphaStale) RefreshAlpha();
        var mean = 0.0;
        for (var i = 0; i < n; i++) mean += Covariance(_x.AsSpan(i * _d, _d), x) * _alpha[i];
        return mean;
    }

    /// <summary>
    /// <see cref="Predict"/> for <paramref name="count"/> inputs stored one after another: the
    /// triangular solves share each row of the factor, which matters once it outgrows the caches.
    /// </summary>
    public void PredictBatch(ReadOnlySpan<double> inputs, int count, Span<double> means, Span<double> stds)
    {
        var n = Count;
        if (n == 0)
        {
            means[..count].Clear();
            stds[..count].Fill(Math.Sqrt(_signal));
            return;
        }

        if (_alphaStale) RefreshAlpha();
        if (_kBatch.Length < count * n)
        {
            _kBatch = new double[count * n];
            _vBatch = new double[count * n];
        }

        for (var b = 0; b < count; b++)
        {
            var x = inputs.Slice(b * _d, _d);
            var k = _kBatch.AsSpan(b * n, n);
            for (var i = 0; i < n; i++) k[i] = Covariance(_x.AsSpan(i * _d, _d), x);
            means[b] = VectorMath.Dot(k, _alpha.AsSpan(0, n));
        }

        _factor.SolveLowerBatch(_kBatch, _vBatch, count);
        for (var b = 0; b < count; b++)
        {
            var v = _vBatch.AsSpan(b * n, n);
            stds[b] = Math.Sqrt(Math.Max(_signal - VectorMath.Dot(v, v), 1e-12 * _signal));
        }
    }

    private double Covariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var r2 = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            r2 += diff * diff * _inverseL2[j];
        }

        return _signal * _kernel.Correlation(r2);
    }

    // α = K⁻¹y by two triangular solves, once per batch of additions.
    private void RefreshAlpha()
    {
        var n = Count;
        var alpha = _alpha.AsSpan(0, n);
        _factor.SolveLower(_y.AsSpan(0, n), alpha);
        _factor.SolveUpperInPlace(alpha);
        _alphaStale = false;
    }

    private void EnsureCapacity(int n)
    {
        if (_y.Length >= n) return;
        var size = Math.Max(n, _y.Length * 2);
        Array.Resize(ref _x, size * _d);
        Array.Resize(ref _y, size);
        Array.Resize(ref _alpha, size);
        Array.Resize(ref _k, size);
        Array.Resize(ref _v, size);
    }
}
