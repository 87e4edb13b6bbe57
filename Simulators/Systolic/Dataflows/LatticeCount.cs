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

    /// <summary>Points (a, b) with a, b &gt;= 0 and a + b &lt;= y.</summary>
    private static long Triangle(long y) => y < 0 ? 0 : (y + 1) * (y + 2) / 2;
}
