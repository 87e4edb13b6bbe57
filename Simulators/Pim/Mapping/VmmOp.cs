namespace ArchGym.Simulators.Pim.Mapping;

/// <summary>
/// A vector-matrix product to place on the PIM units: <see cref="Groups"/> independent products (attention heads,
/// each with its own input vector), each with <see cref="Outputs"/> dot products of length <see cref="Inputs"/>.
/// </summary>
/// <param name="Name">For reports.</param>
/// <param name="IsAttention">True for q·Kᵀ and s·V (charged to attention, not VMM).</param>
/// <param name="ValueCache">
/// The operand is the V cache (s·V): it grows by one token per step. Stored column-major (Vᵀ, one reserved row
/// region per output) the product is in-bank dot products that cannot be concatenated; stored row-major it is a
/// weighted sum of rows, which bank MAC units do not compute.
/// </param>
public readonly record struct VmmOp(string Name, bool IsAttention, int Groups, int Outputs, int Inputs, bool ValueCache = false)
{
    public long Macs => (long)Groups * Outputs * Inputs;
}
