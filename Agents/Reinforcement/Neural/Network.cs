namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>
/// A multilayer perceptron: dense layers in sequence over batches of row-major samples, with every
/// weight and bias in one flat <see cref="Parameters"/> vector and the accumulated gradients in
/// <see cref="Gradients"/> (so <see cref="Adam"/>, <see cref="GradientClipping"/> and
/// <see cref="NetworkJson"/> work on one array). Use: <see cref="Forward"/> a batch, compute dL/d(output),
/// <see cref="Backward"/> it (gradients add up until <see cref="ZeroGradients"/>), step the optimiser.
/// Buffers grow to the largest batch seen and are then reused: a forward/backward pair allocates nothing.
/// An instance is used by one thread at a time.
/// </summary>
public sealed class Network
{
    private readonly double[] _parameters;
    private readonly double[] _gradients;
    private readonly DenseLayer[] _layers;
    private readonly double[][] _activations;
    private readonly double[][] _deltas;
    private int _capacity;
    private int _batch;

    /// <summary>A network of the given layer shapes with all parameters zero (see <see cref="Create"/> for initialised ones).</summary>
    public Network(IReadOnlyList<LayerShape> shapes)
    {
        if (shapes.Count == 0) throw new ArgumentException("a network needs at least one layer");
        var total = 0;
        for (var i = 0; i < shapes.Count; i++)
        {
            if (i > 0 && shapes[i].Inputs != shapes[i - 1].Outputs)
                throw new ArgumentException($"layer {i} takes {shapes[i].Inputs} inputs but layer {i - 1} gives {shapes[i - 1].Outputs}");
            total += shapes[i].ParameterCount;
        }

        _parameters = new double[total];
        _gradients = new double[total];
        _layers = new DenseLayer[shapes.Count];
        var offset = 0;
        for (var i = 0; i < shapes.Count; i++)
        {
            _layers[i] = new DenseLayer(shapes[i], _parameters, _gradients, offset);
            offset += shapes[i].ParameterCount;
        }

        _activations = new double[shapes.Count + 1][];
        _deltas = new double[shapes.Count + 1][];
        Reserve(1);
    }

    /// <summary>
    /// An initialised network: <paramref name="hidden"/> layer widths with <paramref name="hiddenActivation"/>,
    /// then a linear or <paramref name="outputActivation"/> output layer. Hidden layers use gain
    /// <paramref name="hiddenGain"/>, the output layer <paramref name="outputGain"/> (e.g. 0.01 for a
    /// policy's logits so the first policy is near uniform, as in Andrychowicz et al. 2021); biases are zero.
    /// </summary>
    public static Network Create(int inputs, IReadOnlyList<int> hidden, int outputs, Activation hiddenActivation, Activation outputActivation,
        WeightInit init, Random rng, double hiddenGain = 1, double outputGain = 1)
    {
        var shapes = new List<LayerShape>(hidden.Count + 1);
        var width = inputs;
        foreach (var h in hidden)
        {
            shapes.Add(new LayerShape(width, h, hiddenActivation));
            width = h;
        }

        shapes.Add(new LayerShape(width, outputs, outputActivation));
        var network = new Network(shapes);
        for (var i = 0; i < network._layers.Length; i++)
            WeightInitializer.Initialize(network._layers[i], init, i == network._layers.Length - 1 ? outputGain : hiddenGain, rng);
        return network;
    }

    public IReadOnlyList<DenseLayer> Layers => _layers;

    public IReadOnlyList<LayerShape> Shapes => Array.ConvertAll(_layers, l => l.Shape);

    public int Inputs => _layers[0].Inputs;

    public int Outputs => _layers[^1].Outputs;

    /// <summary>Every weight and bias, layer by layer (each layer's weights row-major, then its biases).</summary>
    public Span<double> Parameters => _parameters;

    /// <summary>Accumulated dL/d(parameter), in the order of <see cref="Parameters"/>.</summary>
    public Span<double> Gradients => _gradients;

    public void ZeroGradients() => Array.Clear(_gradients);

    /// <summary>
    /// Outputs for <paramref name="batch"/> samples (<see cref="Inputs"/> values each, row-major); the
    /// returned span is valid until the next call and is what <see cref="Backward"/> differentiates.
    /// </summary>
    public ReadOnlySpan<double> Forward(ReadOnlySpan<double> inputs, int batch)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "a batch needs at least one sample");
        if (inputs.Length < batch * Inputs) throw new ArgumentException($"{batch} samples need {batch * Inputs} inputs, got {inputs.Length}");
        Reserve(batch);
        _batch = batch;
        inputs[..(batch * Inputs)].CopyTo(_activations[0]);
        for (var i = 0; i < _layers.Length; i++) _layers[i].Forward(_activations[i], _activations[i + 1], batch);
        return _activations[^1].AsSpan(0, batch * Outputs);
    }

    /// <summary>
    /// Adds dL/d(parameters) for the last forward batch, given dL/d(outputs) (row-major like the
    /// outputs), to <see cref="Gradients"/>. Returns dL/d(inputs) when <paramref name="inputGradient"/>
    /// (valid until the next call), else an empty span (the first layer then skips that work).
    /// </summary>
    public ReadOnlySpan<double> Backward(ReadOnlySpan<double> outputGradient, bool inputGradient = false)
    {
        if (_batch == 0) throw new InvalidOperationException("call Forward before Backward");
        var n = _batch * Outputs;
        if (outputGradient.Length < n) throw new ArgumentException($"expected {n} output gradients, got {outputGradient.Length}");
        outputGradient[..n].CopyTo(_deltas[^1]);
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var into = i > 0 || inputGradient ? _deltas[i].AsSpan() : Span<double>.Empty;
            _layers[i].Backward(_activations[i], _activations[i + 1], _deltas[i + 1], into, _batch);
        }

        return inputGradient ? _deltas[0].AsSpan(0, _batch * Inputs) : ReadOnlySpan<double>.Empty;
    }

    /// <summary>An independent copy with the same shapes and parameters (gradients zero).</summary>
    public Network Clone()
    {
        var copy = new Network(Shapes);
        CopyTo(copy);
        return copy;
    }

    /// <summary>Copies the parameters into a network of the same shapes.</summary>
    public void CopyTo(Network other)
    {
        if (other._parameters.Length != _parameters.Length) throw new ArgumentException("the networks have different shapes");
        _parameters.CopyTo(other._parameters, 0);
    }

    private void Reserve(int batch)
    {
        if (batch <= _capacity) return;
        _capacity = Math.Max(batch, 2 * _capacity);
        _activations[0] = new double[_capacity * Inputs];
        _deltas[0] = new double[_capacity * Inputs];
        for (var i = 0; i < _layers.Length; i++)
        {
            _activations[i + 1] = new double[_capacity * _layers[i].Outputs];
            _deltas[i + 1] = new double[_capacity * _layers[i].Outputs];
        }
    }
}
