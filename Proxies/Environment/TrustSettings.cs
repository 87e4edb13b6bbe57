namespace ArchGym.Proxies.Environment;

/// <summary>
/// Trust mode: when a model's predicted relative standard deviation (std / |mean|) for any metric
/// exceeds <see cref="MaxRelativeStd"/>, the real simulator evaluates the point instead; that sample
/// joins the training set, and the models retrain after every <see cref="RetrainEvery"/> such samples.
/// </summary>
public sealed record TrustSettings(double MaxRelativeStd, int RetrainEvery)
{
    public void Validate()
    {
        if (!(MaxRelativeStd > 0) || !double.IsFinite(MaxRelativeStd)) throw new ArgumentException($"trust max_relative_std {MaxRelativeStd}: allowed: a positive number");
        if (RetrainEvery < 1) throw new ArgumentException($"trust retrain_every {RetrainEvery}: allowed: a whole number >= 1");
    }
}
