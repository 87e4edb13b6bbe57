namespace ArchGym.Proxies.Trees;

/// <summary>
/// Growth limits of one CART regression tree: depth, the smallest leaf, and how many features a
/// split may look at (a fraction of them, drawn afresh at every split; 1 = all).
/// </summary>
public sealed record TreeSettings(int MaxDepth, int MinLeaf, double FeatureFraction)
{
    public void Validate()
    {
        if (MaxDepth is < 1 or > 64) throw new ArgumentException($"max_depth {MaxDepth}: allowed: 1..64");
        if (MinLeaf < 1) throw new ArgumentException($"min_leaf {MinLeaf}: allowed: a whole number >= 1");
        if (FeatureFraction is <= 0 or > 1) throw new ArgumentException($"max_features {FeatureFraction}: allowed: a fraction in (0, 1]");
    }
}
