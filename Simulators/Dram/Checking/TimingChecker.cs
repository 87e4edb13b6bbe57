using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram.Checking;

/// <summary>One broken rule: the later command, the earlier one it conflicts with, and the gap.</summary>
public sealed record TimingViolation(IssuedCommand Command, string Rule, long Cycle, long RequiredCycle);

/// <summary>
/// Independent replay of an issued command stream against the standard (does not share code with
/// the controller's timing model): bank state (ACT only to a precharged bank, RD/WR only to the open
/// row, REF only with all banks precharged), the command bus (a command occupies it for the
/// standard's command cycles) and the JEDEC minimum gaps between pairs of commands (JESD79-4 table
/// 132 style: same bank, same bank group, same rank, other rank with one-cycle pre-ambles, tFAW
/// window, tRPab after PREA), with auto-precharge modelled as an internal PRE at
/// max(RD + tRTP, ACT + tRAS) or max(WL + BL/2 + tWR after WR, ACT + tRAS).
/// </summary>
public static class TimingChecker
{
    public static IReadOnlyList<TimingViolation> Check(DramStandard standard, IEnumerable<IssuedCommand> commands)
    {
        var o = standard.Organization; var t = standard.Timing;
        int burst = o.BurstCycles;
        var violations = new List<TimingViolation>();
        var channels = new Dictionary<int, ChannelHistory>();
        foreach (var c in commands)
        {
            if (!channels.TryGetValue(c.Channel, out var h)) channels[c.Channel] = h = new ChannelHistory(o);
            void Need(string rule, long earliest) { if (c.Cycle < earliest) violations.Add(new TimingViolation(c, rule, c.Cycle, earliest)); }
            Need("command bus busy", h.BusFree);
            int bank = c.Bank, rank = c.Rank, group = rank * o.BankGroups + c.BankGroup;
            var rankBanks = Enumerable.Range(rank * o.BanksPerRank, o.BanksPerRank);
            switch (c.Command)
            {
                case DramCommand.ACT:
                    if (h.OpenRow[bank] >= 0) Need("ACT to an open bank", long.MaxValue);
                    Need("tRC", h.Act[bank] + t.RC);
                    Need("tRP", h.PreDone[bank]);
                    Need("tRRD_L", h.GroupAct[group] + t.RRD_L);
                    Need("tRRD_S", h.RankAct[rank] + t.RRD_S);
                    Need("tRFC", h.RefDone[rank]);
                    Need("tRFCpb", h.BankRefDone[bank]);
                    if (h.Faw[rank].Count == 4) Need("tFAW", h.Faw[rank].Peek() + t.FAW);
                    h.Act[bank] = c.Cycle; h.GroupAct[group] = c.Cycle; h.RankAct[rank] = c.Cycle; h.OpenRow[bank] = c.Row;
                    if (h.Faw[rank].Count == 4) h.Faw[rank].Dequeue();
                    h.Faw[rank].Enqueue(c.Cycle);
                    break;
                case DramCommand.PRE:
                    Precharge(bank, t.RP);
                    break;
                case DramCommand.PREA:
                    foreach (var b in rankBanks) Precharge(b, t.RPab);
                    break;
                case DramCommand.RD or DramCommand.RDA or DramCommand.WR or DramCommand.WRA:
                    bool read = c.Command is DramCommand.RD or DramCommand.RDA;
                    if (h.OpenRow[bank] != c.Row) Need("column command to a closed bank or another row", long.MaxValue);
                    Need("tRCD", h.Act[bank] + t.RCD);
                    if (read)
                    {
                        Need("tCCD_L (RD-RD)", h.GroupRd[group] + t.CCD_L); Need("tCCD_S (RD-RD)", h.RankRd[rank] + t.CCD_S);
                        Need("tWTR_L", h.GroupWr[group] + t.CWL + burst + t.WTR_L); Need("tWTR_S", h.RankWr[rank] + t.CWL + burst + t.WTR_S);
                        Need("rank switch RD-RD", h.OtherRankRd(rank) + burst + t.RTRS);
                        Need("rank switch WR-RD", h.OtherRankWr(rank) + t.CWL + burst + t.RTRS + 1 - t.CL);
                        h.GroupRd[group] = h.RankRd[rank] = h.Rd[bank] = c.Cycle;
                    }
                    else
                    {
                        Need("tCCD_L (WR-WR)", h.GroupWr[group] + t.CCD_L); Need("tCCD_S (WR-WR)", h.RankWr[rank] + t.CCD_S);
                        Need("RD-WR turnaround", h.RankRd[rank] + t.CL + burst + 2 - t.CWL);
                        Need("rank switch WR-WR", h.OtherRankWr(rank) + burst + t.RTRS);
                        Need("rank switch RD-WR", h.OtherRankRd(rank) + t.CL + burst + t.RTRS + 1 - t.CWL);
                        h.GroupWr[group] = h.RankWr[rank] = h.Wr[bank] = c.Cycle;
                    }
                    if (c.Command is DramCommand.RDA or DramCommand.WRA)
                    {
                        long start = Math.Max(h.Act[bank] + t.RAS, read ? c.Cycle + t.RTP : c.Cycle + t.CWL + burst + t.WR);
                        if (read) start = Math.Max(start, h.Wr[bank] + t.CWL + burst + t.WR);
                        h.PreDone[bank] = start + t.RP; h.OpenRow[bank] = -1;
                    }
                    break;
                case DramCommand.REFAB:
                    foreach (var b in rankBanks)
                    {
                        if (h.OpenRow[b] >= 0) Need("REF with an open bank", long.MaxValue);
                        Need("tRP before REF", h.PreDone[b]);
                        Need("tRC before REF", h.Act[b] + t.RC);
                    }
                    Need("tRFC (REF-REF)", h.RefDone[rank]);
                    h.RefDone[rank] = c.Cycle + t.RFC;
                    break;
                case DramCommand.REFPB:
                    if (h.OpenRow[bank] >= 0) Need("REFpb to an open bank", long.MaxValue);
                    Need("tRP before REFpb", h.PreDone[bank]);
                    Need("tRFCpb", h.BankRefDone[bank]);
                    h.BankRefDone[bank] = c.Cycle + t.RFCpb;
                    break;
            }
            h.BusFree = c.Cycle + standard.CommandCycles.Of(c.Command);

            void Precharge(int b, int rp)
            {
                if (h.OpenRow[b] < 0) return; // PRE/PREA to a closed bank is a NOP
                Need("tRAS", h.Act[b] + t.RAS);
                Need("tRTP", h.Rd[b] + t.RTP);
                Need("tWR", h.Wr[b] + t.CWL + burst + t.WR);
                h.PreDone[b] = c.Cycle + rp; h.OpenRow[b] = -1;
            }
        }
        return violations;
    }

    private sealed class ChannelHistory
    {
        private const long Never = long.MinValue / 4;
        public long BusFree = Never;
        public readonly long[] Act, Rd, Wr, PreDone, BankRefDone, GroupAct, GroupRd, GroupWr, RankAct, RankRd, RankWr, RefDone;
        public readonly int[] OpenRow;
        public readonly Queue<long>[] Faw;

        public ChannelHistory(DramOrganization o)
        {
            long[] Make(int n) { var a = new long[n]; Array.Fill(a, Never); return a; }
            int banks = o.BanksPerChannel, groups = o.Ranks * o.BankGroups;
            Act = Make(banks); Rd = Make(banks); Wr = Make(banks); PreDone = Make(banks); BankRefDone = Make(banks);
            GroupAct = Make(groups); GroupRd = Make(groups); GroupWr = Make(groups);
            RankAct = Make(o.Ranks); RankRd = Make(o.Ranks); RankWr = Make(o.Ranks); RefDone = Make(o.Ranks);
            OpenRow = new int[banks]; Array.Fill(OpenRow, -1);
            Faw = Enumerable.Range(0, o.Ranks).Select(_ => new Queue<long>()).ToArray();
        }

        public long OtherRankRd(int rank) => Other(RankRd, rank);
        public long OtherRankWr(int rank) => Other(RankWr, rank);
        private static long Other(long[] a, int rank) { long m = Never; for (int r = 0; r < a.Length; r++) if (r != rank) m = Math.Max(m, a[r]); return m; }
    }
}
