namespace ArchGym.Simulators.Dram;

/// <summary>DRAM commands as DRAMSys names them (RDA/WRA = with auto-precharge; PREA/REFAB = all banks).</summary>
public enum DramCommand : byte { ACT, PRE, PREA, RD, RDA, WR, WRA, REFAB, REFPB }

/// <summary>One command put on a channel's command bus; <see cref="Bank"/> is the bank index within the channel.</summary>
public readonly record struct IssuedCommand(long Cycle, DramCommand Command, int Channel, int Rank, int BankGroup, int Bank, int Row);

internal static class DramCommandExtensions
{
    public static bool IsColumn(this DramCommand c) => c is DramCommand.RD or DramCommand.RDA or DramCommand.WR or DramCommand.WRA;
    public static bool IsRead(this DramCommand c) => c is DramCommand.RD or DramCommand.RDA;
    public static bool IsWrite(this DramCommand c) => c is DramCommand.WR or DramCommand.WRA;
    public static bool HasAutoPrecharge(this DramCommand c) => c is DramCommand.RDA or DramCommand.WRA;
}
