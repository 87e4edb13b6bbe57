namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3 ETF (scheduler.ETF): over all (ready task, PE) pairs commit the one of globally earliest finish time
/// exec + max(comm wait, PE wait), update that PE's available time, and repeat until the ready list is empty (first
/// task in list order / lowest PE on ties). Committing only makes that PE later, so only tasks whose best PE it was
/// are re-evaluated: O(R P) per commit instead of DS3's O(R P) rescan of everything.
/// </summary>
public sealed class EtfScheduler : IScheduler
{
    private readonly List<int> _ready = [];
    private double[] _dataReady = [];
    private double[] _bestFinish = [];
    private int[] _bestPe = [];
    private bool[] _done = [];

    public string Name => "ETF";

    public bool QueuesInAssignmentOrder => true;

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        var pes = sim.Platform.PeCount;
        context.CopyReadyTasks(_ready);
        var n = _ready.Count;
        Reserve(n, pes);
        for (var i = 0; i < n; i++)
        {
            var row = _dataReady.AsSpan(i * pes, pes);
            sim.FillDataReadyUs(_ready[i], row);
            for (var pe = 0; pe < pes; pe++)
                if (double.IsPositiveInfinity(sim.ExecutionTimeUs(_ready[i], pe))) row[pe] = double.NaN;
            _done[i] = false;
            Evaluate(sim, i, pes);
        }
        for (var left = n; left > 0; left--)
        {
            var pick = -1;
            for (var i = 0; i < n; i++)
                if (!_done[i] && (pick < 0 || _bestFinish[i] < _bestFinish[pick])) pick = i;
            var pe = _bestPe[pick];
            context.Assign(_ready[pick], pe, _bestFinish[pick]);
            _done[pick] = true;
            for (var i = 0; i < n; i++)
                if (!_done[i] && _bestPe[i] == pe) Evaluate(sim, i, pes);
        }
    }

    private void Evaluate(SocSimulation sim, int i, int pes)
    {
        var best = double.PositiveInfinity;
        var bestPe = -1;
        var now = sim.NowUs;
        for (var pe = 0; pe < pes; pe++)
        {
            var ready = _dataReady[i * pes + pe];
            if (double.IsNaN(ready)) continue;
            var finish = sim.ExecutionTimeUs(_ready[i], pe) + Math.Max(ready, Math.Max(now, sim.PeAvailableUs(pe)));
            if (finish < best) { best = finish; bestPe = pe; }
        }
        _bestFinish[i] = best;
        _bestPe[i] = bestPe;
    }

    private void Reserve(int n, int pes)
    {
        if (_bestPe.Length >= n && _dataReady.Length >= n * pes) return;
        var size = Math.Max(n, 2 * _bestPe.Length);
        _dataReady = new double[size * pes];
        _bestFinish = new double[size];
        _bestPe = new int[size];
        _done = new bool[size];
    }
}
