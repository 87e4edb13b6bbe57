namespace ArchGym.Agents.Core.Variation;

/// <summary>
/// Tournament selection (Goldberg &amp; Deb 1991): draw <c>size</c> members uniformly with replacement
/// and keep the best by the given order. Larger tournaments raise the selection pressure.
/// </summary>
public static class Tournament
{
    /// <summary>Index of the winner among <paramref name="count"/> members; <paramref name="better"/>(a, b) is true when a beats b.</summary>
    public static int Select(int count, int size, Func<int, int, bool> better, Random rng)
    {
        var winner = rng.Next(count);
        for (var k = 1; k < size; k++)
        {
            var challenger = rng.Next(count);
            if (better(challenger, winner)) winner = challenger;
        }

        return winner;
    }
}
