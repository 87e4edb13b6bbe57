namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>Loss functions that return the loss and write its gradient with respect to the predictions.</summary>
public static class Losses
{
    /// <summary>
    /// Mean squared error over every element, mean((p − t)²), with dL/dp = 2 (p − t) / n written to
    /// <paramref name="gradient"/> (a regression network's <see cref="Network.Backward"/> input).
    /// </summary>
    public static double MeanSquaredError(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, Span<double> gradient)
    {
        if (predictions.Length != targets.Length || gradient.Length < predictions.Length)
            throw new ArgumentException($"{predictions.Length} predictions, {targets.Length} targets and {gradient.Length} gradient slots must match");
        var n = predictions.Length;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = predictions[i] - targets[i];
            sum += d * d;
            gradient[i] = 2 * d / n;
        }

        return sum / n;
    }
}

/// <summary>Numerically stable softmax over a span of logits (shifted by the maximum).</summary>
public static class Softmax
{
    /// <summary>Writes the probabilities and returns log Σ exp(logits).</summary>
    public static double Apply(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var e = Math.Exp(logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }

        for (var i = 0; i < logits.Length; i++) probabilities[i] /= sum;
        return max + Math.Log(sum);
    }
}
