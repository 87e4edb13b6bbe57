namespace ArchGym.Simulators.Dram;

/// <summary>Which timing rules the controller follows for auto-precharge.</summary>
public enum TimingMode
{
    /// <summary>JEDEC: RDA/WRA precharge internally no earlier than ACT + tRAS, so same-bank ACTs stay tRC apart.</summary>
    Jedec,
    /// <summary>
    /// DRAMSys 5 (6b0146713a) as measured in the reference: the next ACT after RDA waits only tRTP + tRP
    /// (after WRA, write recovery + tRP), with no tRAS hold and no tRC. Not JEDEC-legal; use it to
    /// compare with, or rank design points like, DRAMSys.
    /// </summary>
    DramSys5,
}
