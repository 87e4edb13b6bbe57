namespace ArchGym.Simulators.Pim.Area;

/// <summary>
/// Per-unit areas of the logic a PIM system adds (µm² and mm²). The DRAM arrays themselves are not counted: the
/// design space trades compute logic, buffers and the ASIC, not memory capacity. The published PIM chips (AiM,
/// Lee et al., ISSCC 2022; HBM-PIM, Kwon et al., ISSCC 2021) give die totals, not a per-unit breakdown, so every
/// number here is built from textbook per-operation areas and is an estimate; override any of them with <c>with</c>.
/// </summary>
public sealed record PimAreaCosts
{
    /// <summary>
    /// One BF16/FP16 MAC lane at 45 nm logic: a 16-bit FP multiplier (1640 µm²) and a 16-bit FP adder (1360 µm²),
    /// Horowitz, "Computing's energy problem", ISSCC 2014 (45 nm rough area table). AiM's unit is 16 multipliers into
    /// an adder tree and accumulator (one adder per lane); HBM-PIM's is 16 FP16 MAC lanes: both one multiplier and
    /// one adder per lane.
    /// </summary>
    public double MacLaneUm2At45nm { get; init; } = 1640 + 1360;

    /// <summary>A flip-flop bit at 45 nm, ~5 µm² (assumption, the same as the systolic model's register bit).</summary>
    public double RegisterUm2PerBitAt45nm { get; init; } = 5;

    /// <summary>
    /// SRAM per KB at 45 nm: the 0.346 µm² 6T cell (Mistry et al., IEDM 2007) × 8192 bits / ~60 % array efficiency
    /// (CACTI-typical periphery) ≈ 0.0047 mm². Used for the per-channel global buffer (HBM-PIM's GRF_A too).
    /// </summary>
    public double SramMm2PerKbAt45nm { get; init; } = 0.346 * 8192 / 0.6 / 1e6;

    /// <summary>
    /// Assumption: logic and SRAM on a DRAM die cost twice their 45 nm logic-process area (DRAM processes give 3-4
    /// metal layers and slow, low-leakage transistors; HBM-PIM's compute units displace half of a die's cell arrays,
    /// its PIM dies hold 4 Gb instead of 8 Gb). Applied to the bank MAC units, their registers and the global buffers.
    /// </summary>
    public double DramProcessFactor { get; init; } = 2.0;

    /// <summary>
    /// Area scale from 45 nm to the ASIC's 28 nm (PIM-GPT synthesises its ASIC in TSMC 28 nm): ideal (28/45)² ≈ 0.39.
    /// </summary>
    public double Asic28nmScale { get; init; } = 28.0 * 28.0 / (45.0 * 45.0);

    /// <summary>
    /// Operand and result registers per ASIC lane: three BF16 words (48 bits), an assumption.
    /// </summary>
    public int AsicRegisterBitsPerLane { get; init; } = 48;

    /// <summary>One ASIC vector lane at 28 nm, mm²: a BF16 MAC lane and its registers, scaled from 45 nm (≈ 0.0012 mm²).</summary>
    public double AsicLaneMm2 => (MacLaneUm2At45nm + AsicRegisterBitsPerLane * RegisterUm2PerBitAt45nm) * Asic28nmScale / 1e6;

    /// <summary>The defaults above.</summary>
    public static PimAreaCosts Default { get; } = new();
}
