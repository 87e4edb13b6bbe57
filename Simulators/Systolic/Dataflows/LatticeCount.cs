namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// Closed-form counts of grid points under an anti-diagonal, the building block of every demand and
/// prefetch count here: skewed streams, the ofmap write skew and the USER fetch order all place
/// element (a, b) of a rectangle at line or diagonal a + b.
/// </summary>
internal static class LatticeCount
{
    /// <summary>Points (a, b) with 0 &lt;= a &lt; height, 0 &lt;= b &lt; width and a + b &lt;= y (inclusion-exclusion of triangles).</summary>
    public static long Below(long height, long width, long y)
    {
        if (height <= 0 || width <= 0 || y < 0) return 0;
        if (y >= height + width - 2) return height * width;
        return Triangle(y) - Triangle(y - height) - Triangle(y - width) + Triangle(y - height - width);
    }

    /// <summary>The least y with <see cref="Below"/>(height, width, y) &gt;= count (1 &lt;= count &lt;= height*width), inverting each piece.</summary>
    public static long FirstReaching(long height, long width, long count)
    {
        long small = Math.Min(height, width), large = Math.Max(height, width), total = height * width;
        long y;
        if (count <= Triangle(small - 1))
            y = (long)Math.Ceiling((Math.Sqrt(1.0 + 8.0 * count) - 3) / 2);          // (y+1)(y+2)/2 >= count
        else if (count <= Triangle(small - 1) + (large - small) * small)
            y = small - 1 + FoldPlan.CeilDiv(count - Triangle(small - 1), small);   // one full diagonal of `small` per step
        else
            y = small + large - 2 - (long)Math.Floor((Math.Sqrt(1.0 + 8.0 * (total - count)) - 1) / 2);   // mirrored triangle
        y = Math.Max(0, y);
        while (y > 0 && Below(height, width, y - 1) >= count) y--;   // the square roots can be off by one
        while (Below(height, width, y) < count) y++;
        return y;
    }

    /// <summary>Points (a, b) with a, b &gt;= 0 and a + b &lt;= y.</summary>
    private static long Triangle(long y) => y < 0 ? 0 : (y + 1) * (y + 2) / 2;
}
