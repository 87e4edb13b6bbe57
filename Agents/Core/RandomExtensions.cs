namespace ArchGym.Agents.Core;

/// <summary>Draws the agents need beyond <see cref="Random"/>'s own, from the agent's seeded generator only.</summary>
public static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller; one of the pair is discarded so there is no hidden cached state).</summary>
    public static double NextGaussian(this Random rng)
    {
        var u = 1 - rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public static void Shuffle(this Random rng, Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
