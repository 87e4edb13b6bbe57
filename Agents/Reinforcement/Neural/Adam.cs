using System.Numerics;
using System.Runtime.InteropServices;

namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>
/// Adam (Kingma &amp; Ba 2015): per-parameter steps from bias-corrected running means of the gradient
/// and of its square. One instance per parameter vector; <see cref="LearningRate"/> may be changed
/// between steps (for schedules).
/// </summary>
public sealed class Adam
{
    private readonly double[] _m;
    private readonly double[] _v;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    public Adam(int parameterCount, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (learningRate <= 0) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be positive");
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1) throw new ArgumentException("Adam's betas must lie in [0, 1)");
        _m = new double[parameterCount];
        _v = new double[parameterCount];
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        LearningRate = learningRate;
    }

    public double LearningRate { get; set; }

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>θ ← θ − lr · m̂ / (√v̂ + ε), descending the given gradient.</summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
    {
        if (parameters.Length != _m.Length || gradients.Length != _m.Length)
            throw new ArgumentException($"Adam was made for {_m.Length} parameters, got {parameters.Length} and {gradients.Length} gradients");
        Steps++;
        _beta1Power *= _beta1;
        _beta2Power *= _beta2;
        var stepSize = LearningRate / (1 - _beta1Power);
        var correction2 = 1 / (1 - _beta2Power);
        var i = Vector.IsHardwareAccelerated ? StepVectorized(parameters, gradients, stepSize, correction2) : 0;
        for (; i < parameters.Length; i++)
        {
            var g = gradients[i];
            _m[i] = _beta1 * _m[i] + (1 - _beta1) * g;
            _v[i] = _beta2 * _v[i] + (1 - _beta2) * g * g;
            parameters[i] -= stepSize * _m[i] / (Math.Sqrt(_v[i] * correction2) + _epsilon);
        }
    }

    /// <summary>The SIMD body of <see cref="Step"/> over whole vectors; returns where the scalar tail starts.</summary>
    private int StepVectorized(Span<double> parameters, ReadOnlySpan<double> gradients, double stepSize, double correction2)
    {
        var p = MemoryMarshal.Cast<double, Vector<double>>(parameters);
        var g = MemoryMarshal.Cast<double, Vector<double>>(gradients);
        var m = MemoryMarshal.Cast<double, Vector<double>>(_m.AsSpan());
        var v = MemoryMarshal.Cast<double, Vector<double>>(_v.AsSpan());
        Vector<double> b1 = new(_beta1), c1 = new(1 - _beta1), b2 = new(_beta2), c2 = new(1 - _beta2);
        Vector<double> step = new(stepSize), correction = new(correction2), eps = new(_epsilon);
        for (var k = 0; k < p.Length; k++)
        {
            var gk = g[k];
            m[k] = b1 * m[k] + c1 * gk;
            v[k] = b2 * v[k] + c2 * gk * gk;
            p[k] -= step * m[k] / (Vector.SquareRoot(v[k] * correction) + eps);
        }

        return p.Length * Vector<double>.Count;
    }

    /// <summary>Forgets the moment estimates (as if new).</summary>
    public void Reset()
    {
        Array.Clear(_m);
        Array.Clear(_v);
        _beta1Power = 1;
        _beta2Power = 1;
        Steps = 0;
    }
}
