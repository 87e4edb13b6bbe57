using ArchGym.Simulators.Soc.Engine;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc;

/// <summary>
/// One discrete-event run of the SoC with DS3's semantics (DASH_Sim_core) but without its 1 us polling. At each
/// instant: task completions and job arrivals; then, if tasks are ready, one scheduling pass over the ready list;
/// then every free PE starts the first task queued on it (job order) whose input data has arrived.
/// <para>
/// Stepping for RL (the DeepSoCS setting, scheduler <see cref="SchedulerKind.Policy"/>): call
/// <see cref="AdvanceToDecision"/>; while it returns true, observe <see cref="ReadyTasks"/> (<see cref="Describe"/>,
/// <see cref="ExecutionTimeUs"/>, PE state: <see cref="IsPeBusy"/>, <see cref="PeBusyUntilUs"/>,
/// <see cref="PeAvailableUs"/>, <see cref="PeQueueLength"/>) and call <see cref="Decide(int)"/> (PE by earliest finish
/// time) or <see cref="Decide(int,int)"/> (agent's PE); each call assigns one task, and the next
/// <see cref="AdvanceToDecision"/> returns true again at once while tasks of the same instant remain. When it returns
/// false the run is over: <see cref="BuildReport"/>. With a built-in scheduler <see cref="AdvanceToDecision"/> runs
/// to the end. Not thread-safe: one instance per run.
/// </para>
/// </summary>
public sealed partial class SocSimulation
{
    private readonly SocConfig _config;
    private readonly SocPlatform _soc;
    private readonly CompiledJob[] _apps;
    private readonly double[] _cumulativeProbability;
    private readonly IScheduler? _scheduler;
    private readonly SchedulingContext _context;
    private readonly Random _arrivalRng;
    private readonly Random _mixRng;
    private readonly TaskTable _tasks = new();
    private readonly JobTable _jobs = new();
    private readonly List<int> _ready = [];
    private readonly List<int>[] _peQueue;
    private readonly int[] _peRunning;
    private readonly double[] _peFreeAtUs;
    private readonly double[] _peAvailableUs;
    private readonly double[] _peBusyUs;
    private readonly int[] _starts;
    private readonly bool[] _peDirty;
    private readonly int[] _dirtyPes;
    private int _dirtyCount;
    private readonly EnergyMeter _energy;
    private readonly EventQueue _events = new();
    private readonly List<double> _latencies = [];

    public SocSimulation(SocConfig config, SocWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        config.Validate();
        workload.Validate(config.Platform);
        _config = config;
        _soc = config.Platform;
        Workload = workload;
        _apps = workload.Mix.Select(m => new CompiledJob(m.Job, _soc)).ToArray();
        _cumulativeProbability = new double[_apps.Length];
        var acc = 0.0;
        for (var i = 0; i < _apps.Length; i++) _cumulativeProbability[i] = acc += workload.Mix[i].Probability;
        _arrivalRng = SeedStreams.Create(config.Seed, SeedStreams.Arrivals);
        _mixRng = SeedStreams.Create(config.Seed, SeedStreams.JobMix);
        _context = new SchedulingContext(this, SeedStreams.Create(config.Seed, SeedStreams.Scheduler));
        _scheduler = config.CustomScheduler?.Invoke()
            ?? (config.Scheduler == SchedulerKind.Policy ? null : SchedulerFactory.Create(config.Scheduler));
        var pes = _soc.PeCount;
        _peQueue = Enumerable.Range(0, pes).Select(_ => new List<int>()).ToArray();
        _peRunning = Enumerable.Repeat(-1, pes).ToArray();
        _peFreeAtUs = new double[pes];
        _peAvailableUs = new double[pes];
        _peBusyUs = new double[pes];
        _starts = new int[pes];
        _peDirty = new bool[pes];
        _dirtyPes = new int[pes];
        _energy = new EnergyMeter(_soc, config.Power, config.WarmupUs);
        Push(0, EventKind.Arrival, 0);
    }

    public SocPlatform Platform => _soc;
    public SocWorkload Workload { get; }
    public double NowUs { get; private set; }
    public bool IsFinished => _finished;

    /// <summary>
    /// Ready tasks (predecessors done, no PE yet) as task handles, in DS3 ready-list order. Inside a built-in scheduler's
    /// pass, tasks it has already assigned stay listed until the pass ends (<see cref="AssignedPe"/> &gt;= 0;
    /// <see cref="Scheduling.SchedulingContext.CopyReadyTasks"/> skips them).
    /// </summary>
    public IReadOnlyList<int> ReadyTasks => _ready;

    public int JobOf(int task) => _tasks.Job[task];
    public int TaskIdOf(int task) => _tasks.TaskId[task];
    public JobGraph JobGraphOf(int job) => _apps[_jobs.Application[job]].Graph;
    public JobTask TaskOf(int task) => JobGraphOf(_tasks.Job[task]).Tasks[_tasks.TaskId[task]];
    public int TaskHandle(int job, int taskId) => _jobs.FirstTask[job] + taskId;
    public double JobInjectedUs(int job) => _jobs.InjectedUs[job];

    /// <summary>HEFT upward rank of every task of a job's application (per task id).</summary>
    public IReadOnlyList<double> UpwardRanksUs(int job) => _apps[_jobs.Application[job]].UpwardRankUs;

    /// <summary>Task instances created so far (handles are 0 .. TaskCount-1, in injection order).</summary>
    public int TaskCount => _tasks.Count;

    /// <summary>The PE a task was assigned to, or -1.</summary>
    public int AssignedPe(int task) => _tasks.Pe[task];

    /// <summary>When the task started / finished (NaN until then): with <see cref="AssignedPe"/>, a Gantt chart of the run.</summary>
    public double TaskStartUs(int task) => _tasks.StartUs[task];

    public double TaskFinishUs(int task) => _tasks.FinishUs[task];

    /// <summary>Features of a (ready) task for an RL observation.</summary>
    public ReadyTaskInfo Describe(int task)
    {
        var job = _tasks.Job[task];
        var app = _apps[_jobs.Application[job]];
        var id = _tasks.TaskId[task];
        var readyUs = _tasks.ReadyUs[task];
        return new ReadyTaskInfo(task, job, id, _jobs.Application[job], readyUs, double.IsNaN(readyUs) ? 0 : NowUs - readyUs,
            NowUs - _jobs.InjectedUs[job], app.MeanExecUs[id], app.UpwardRankUs[id], _jobs.RemainingTasks[job], _jobs.RemainingWorkUs[job]);
    }

    /// <summary>Execution time (us, DVFS slowdown applied) of a task on a PE; +inf where the PE lacks the function.</summary>
    public double ExecutionTimeUs(int task, int pe) => _tasks.ExecRow[task][pe];

    /// <summary>Execution time of a task on the cores of cluster <paramref name="cluster"/> (all cores of a cluster are alike).</summary>
    public double ClusterExecutionTimeUs(int task, int cluster) => ExecutionTimeUs(task, _soc.Clusters[cluster].FirstPe);

    /// <summary>DS3 PE.available_time: the schedulers' running estimate of when the PE frees up (last assignment's finish estimate).</summary>
    public double PeAvailableUs(int pe) => _peAvailableUs[pe];

    /// <summary>True while the PE executes a task (DS3 PE.idle == False).</summary>
    public bool IsPeBusy(int pe) => _peRunning[pe] >= 0;

    /// <summary>The task running on the PE, or -1.</summary>
    public int PeRunningTask(int pe) => _peRunning[pe];

    /// <summary>When the running task finishes (now when idle).</summary>
    public double PeBusyUntilUs(int pe) => _peRunning[pe] >= 0 ? _peFreeAtUs[pe] : NowUs;

    /// <summary>Tasks assigned to the PE that have not started (waiting for data, the PE, or plan order).</summary>
    public int PeQueueLength(int pe) => _peQueue[pe].Count;

    /// <summary>The queued tasks of a PE in dispatch order (job id, then assignment order).</summary>
    public IReadOnlyList<int> PeQueue(int pe) => _peQueue[pe];

    /// <summary>When all input data of a task can be on <paramref name="pe"/> (never before now).</summary>
    public double DataReadyUs(int task, int pe)
    {
        var job = _tasks.Job[task];
        var app = _apps[_jobs.Application[job]];
        var id = _tasks.TaskId[task];
        var preds = app.Predecessors[id];
        var ready = NowUs;
        if (preds.Length == 0) return ready;
        var comm = app.CommUs[id];
        var clusters = _soc.Clusters.Count;
        var dst = _soc.ClusterOf(pe);
        if (_config.Communication == CommunicationMode.PeToPe)
        {
            var first = _jobs.FirstTask[job];
            for (var k = 0; k < preds.Length; k++)
            {
                var p = first + preds[k];
                var from = _tasks.Pe[p];
                var us = from == pe ? comm[k][clusters * clusters + dst] : comm[k][_soc.ClusterOf(from) * clusters + dst];
                ready = Math.Max(ready, _tasks.FinishUs[p] + us);
            }
        }
        else
        {
            var memory = _soc.ClusterOf(_soc.MemoryPe);
            for (var k = 0; k < preds.Length; k++)
                ready = Math.Max(ready, NowUs + comm[k][(_soc.MemoryPe == pe ? clusters : memory) * clusters + dst]);
        }
        return ready;
    }

    /// <summary>
    /// <see cref="DataReadyUs"/> for every PE at once: per destination cluster first (all cores of a cluster pair share
    /// one bandwidth), then exactly for the PEs that ran a predecessor.
    /// </summary>
    public void FillDataReadyUs(int task, Span<double> readyByPe)
    {
        var job = _tasks.Job[task];
        var app = _apps[_jobs.Application[job]];
        var id = _tasks.TaskId[task];
        var preds = app.Predecessors[id];
        var clusters = _soc.Clusters.Count;
        Span<double> byCluster = clusters <= 64 ? stackalloc double[clusters] : new double[clusters];
        byCluster.Fill(NowUs);
        var comm = app.CommUs[id];
        var first = _jobs.FirstTask[job];
        var peToPe = _config.Communication == CommunicationMode.PeToPe;
        for (var k = 0; k < preds.Length; k++)
        {
            var p = first + preds[k];
            var from = peToPe ? _soc.ClusterOf(_tasks.Pe[p]) : _soc.ClusterOf(_soc.MemoryPe);
            var at = peToPe ? _tasks.FinishUs[p] : NowUs;
            var row = comm[k];
            for (var c = 0; c < clusters; c++) byCluster[c] = Math.Max(byCluster[c], at + row[from * clusters + c]);
        }
        for (var pe = 0; pe < readyByPe.Length; pe++) readyByPe[pe] = byCluster[_soc.ClusterOf(pe)];
        if (!peToPe) return;
        for (var k = 0; k < preds.Length; k++)
        {
            var pe = _tasks.Pe[first + preds[k]];
            readyByPe[pe] = DataReadyUs(task, pe);
        }
    }

    /// <summary>DS3 EFT/ETF cost as an absolute time: now + exec + max(comm wait, PE wait).</summary>
    public double EarliestFinishUs(int task, int pe) =>
        ExecutionTimeUs(task, pe) + Math.Max(DataReadyUs(task, pe), Math.Max(NowUs, _peAvailableUs[pe]));

    /// <summary>The supporting PE with the earliest finish time (lowest id on ties).</summary>
    public int EarliestFinishPe(int task)
    {
        var best = -1;
        var bestFinish = double.PositiveInfinity;
        for (var pe = 0; pe < _soc.PeCount; pe++)
        {
            if (double.IsPositiveInfinity(ExecutionTimeUs(task, pe))) continue;
            var f = EarliestFinishUs(task, pe);
            if (f < bestFinish) { bestFinish = f; best = pe; }
        }
        return best;
    }
}
