namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>The element-wise non-linearity a <see cref="DenseLayer"/> applies after its affine map.</summary>
public enum Activation
{
    /// <summary>y = x (an output layer of logits or regression values).</summary>
    Identity,

    /// <summary>y = tanh(x); dy/dx = 1 − y².</summary>
    Tanh,

    /// <summary>y = max(0, x); dy/dx = 1 for x &gt; 0, else 0 (Nair &amp; Hinton 2010).</summary>
    Relu,
}

/// <summary>Applying an <see cref="Activation"/> in place and its derivative, written in terms of the output y.</summary>
public static class Activations
{
    public static void Apply(Activation activation, Span<double> values)
    {
        switch (activation)
        {
            case Activation.Tanh:
                for (var i = 0; i < values.Length; i++) values[i] = Math.Tanh(values[i]);
                break;
            case Activation.Relu:
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] < 0) values[i] = 0;
                }

                break;
        }
    }

    /// <summary>Multiplies <paramref name="gradient"/> (dL/dy) by dy/dx in place, from the outputs y, giving dL/dx.</summary>
    public static void Backpropagate(Activation activation, ReadOnlySpan<double> outputs, Span<double> gradient)
    {
        switch (activation)
        {
            case Activation.Tanh:
                for (var i = 0; i < gradient.Length; i++) gradient[i] *= 1 - outputs[i] * outputs[i];
                break;
            case Activation.Relu:
                for (var i = 0; i < gradient.Length; i++)
                {
                    if (outputs[i] <= 0) gradient[i] = 0;
                }

                break;
        }
    }
}
