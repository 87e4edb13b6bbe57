namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>The shape of one dense layer: inputs, outputs and the activation after the affine map.</summary>
public sealed record LayerShape(int Inputs, int Outputs, Activation Activation)
{
    /// <summary>Weights plus biases.</summary>
    public int ParameterCount => Outputs * (Inputs + 1);
}

/// <summary>
/// A fully connected layer y = f(W x + b) over a batch of row-major samples. Its weights (row o holds
/// the weights into output o) and biases are views into the owning <see cref="Network"/>'s flat
/// parameter vector, and its gradients into the flat gradient vector, so optimisers, clipping and
/// serialisation see one array.
/// </summary>
public sealed class DenseLayer
{
    private readonly double[] _parameters;
    private readonly double[] _gradients;
    private readonly int _offset;

    internal DenseLayer(LayerShape shape, double[] parameters, double[] gradients, int offset)
    {
        if (shape.Inputs < 1 || shape.Outputs < 1) throw new ArgumentException($"a dense layer needs at least one input and output, got {shape.Inputs}x{shape.Outputs}");
        Shape = shape;
        _parameters = parameters;
        _gradients = gradients;
        _offset = offset;
    }

    public LayerShape Shape { get; }

    public int Inputs => Shape.Inputs;

    public int Outputs => Shape.Outputs;

    public Activation Activation => Shape.Activation;

    /// <summary>Row-major [Outputs × Inputs].</summary>
    public Span<double> Weights => _parameters.AsSpan(_offset, Outputs * Inputs);

    public Span<double> Biases => _parameters.AsSpan(_offset + Outputs * Inputs, Outputs);

    public ReadOnlySpan<double> WeightGradients => _gradients.AsSpan(_offset, Outputs * Inputs);

    public ReadOnlySpan<double> BiasGradients => _gradients.AsSpan(_offset + Outputs * Inputs, Outputs);

    /// <summary>Writes f(W x + b) for <paramref name="batch"/> samples of <see cref="Inputs"/> values each.</summary>
    public void Forward(ReadOnlySpan<double> input, Span<double> output, int batch)
    {
        ReadOnlySpan<double> w = Weights;
        ReadOnlySpan<double> bias = Biases;
        int nIn = Inputs, nOut = Outputs;
        for (var b = 0; b < batch; b++)
        {
            var x = input.Slice(b * nIn, nIn);
            var y = output.Slice(b * nOut, nOut);
            for (var o = 0; o < nOut; o++) y[o] = VectorKernels.Dot(w.Slice(o * nIn, nIn), x) + bias[o];
            Activations.Apply(Activation, y);
        }
    }

    /// <summary>
    /// Backpropagates through the layer for the batch last passed forward: <paramref name="outputGradient"/>
    /// holds dL/dy and is overwritten with dL/d(Wx + b); the weight and bias gradients are accumulated
    /// (added to); dL/dx is written to <paramref name="inputGradient"/> unless it is empty.
    /// </summary>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> output, Span<double> outputGradient, Span<double> inputGradient, int batch)
    {
        int nIn = Inputs, nOut = Outputs;
        Activations.Backpropagate(Activation, output[..(batch * nOut)], outputGradient[..(batch * nOut)]);
        var wantInput = !inputGradient.IsEmpty;
        if (wantInput) inputGradient[..(batch * nIn)].Clear();
        ReadOnlySpan<double> w = Weights;
        var wGrad = _gradients.AsSpan(_offset, nOut * nIn);
        var bGrad = _gradients.AsSpan(_offset + nOut * nIn, nOut);
        for (var b = 0; b < batch; b++)
        {
            var g = outputGradient.Slice(b * nOut, nOut);
            var x = input.Slice(b * nIn, nIn);
            var dx = wantInput ? inputGradient.Slice(b * nIn, nIn) : default;
            for (var o = 0; o < nOut; o++)
            {
                var go = g[o];
                if (go == 0) continue;
                bGrad[o] += go;
                VectorKernels.Axpy(go, x, wGrad.Slice(o * nIn, nIn));
                if (wantInput) VectorKernels.Axpy(go, w.Slice(o * nIn, nIn), dx);
            }
        }
    }
}
