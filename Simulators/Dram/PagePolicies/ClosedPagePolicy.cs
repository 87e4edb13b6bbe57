namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>Closed page: every access auto-precharges (RDA/WRA).</summary>
internal sealed class ClosedPagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow) => PageQueries.AutoPrecharge(isWrite);
}
