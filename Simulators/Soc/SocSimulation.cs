using ArchGym.Simulators.Soc.Engine;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc;

/// <summary>
/// One discrete-event run of the SoC (DS3 DASH_Sim_core semantics, without its 1 us polling). At each instant:
/// task completions and job arrivals, then one scheduling pass over the ready list, then dispatch of executable
/// tasks (sorted by job id) onto free PEs. Step it with <see cref="AdvanceToDecision"/> / <see cref="Decide"/> when
/// the scheduler is <see cref="SchedulerKind.Policy"/>; otherwise <see cref="SocSimulator"/> runs it to the end.
/// Not thread-safe: one instance per run.
/// </summary>
public sealed partial class SocSimulation
{
    private readonly SocConfig _config;
    private readonly SocPlatform _soc;
    private readonly CompiledJob[] _apps;
    private readonly double[] _cumulativeProbability;
    private readonly double[] _slowdown;
    private readonly IScheduler? _scheduler;
    private readonly SchedulingContext _context;
    private readonly Random _rng;
    private readonly TaskTable _tasks = new();
    private readonly JobTable _jobs = new();
    private readonly List<int> _ready = [];
    private readonly List<int> _executable = [];
    private readonly bool[] _peBusy;
    private readonly double[] _peAvailableUs;
    private readonly double[] _peBusyUs;
    private readonly EnergyMeter _energy;
    private readonly PriorityQueue<(EventKind Kind, int Arg), (double TimeUs, long Seq)> _events = new();
    private readonly List<double> _latencies = [];
    private long _seq;
    private bool _inPass;
    private bool _finished;
    private bool _arrivalBlocked;
    private int _jobsInFlight;
    private int _injectedAfterWarmup;
    private long _tasksExecuted;
    private double _lastCompletionUs = double.NaN;

    public SocSimulation(SocConfig config, SocWorkload workload)
    {
        config.Validate();
        workload.Validate(config.Platform);
        _config = config;
        _soc = config.Platform;
        _slowdown = Enumerable.Range(0, _soc.PeCount).Select(pe => _soc.Clusters[_soc.ClusterOf(pe)].Slowdown).ToArray();
        _apps = workload.Mix.Select(m => new CompiledJob(m.Job, _soc, _slowdown)).ToArray();
        _cumulativeProbability = new double[_apps.Length];
        for (double acc = 0, i = 0; i < _apps.Length; i++) _cumulativeProbability[(int)i] = acc += workload.Mix[(int)i].Probability;
        _rng = new Random(config.Seed);
        _context = new SchedulingContext(this, _rng);
        _scheduler = config.Scheduler == SchedulerKind.Policy ? null : SchedulerFactory.Create(config.Scheduler);
        _peBusy = new bool[_soc.PeCount];
        _peAvailableUs = new double[_soc.PeCount];
        _peBusyUs = new double[_soc.PeCount];
        _energy = new EnergyMeter(_soc, config.Leakage, config.WarmupUs);
        Push(0, EventKind.Arrival, 0);
    }

    public SocPlatform Platform => _soc;
    public double NowUs { get; private set; }
    public bool IsFinished => _finished;

    /// <summary>Ready tasks (predecessors done, no PE yet) as task handles, in DS3 ready-list order.</summary>
    public IReadOnlyList<int> ReadyTasks => _ready;

    public int JobOf(int task) => _tasks.Job[task];
    public JobGraph JobGraphOf(int job) => _apps[_jobs.Application[job]].Graph;
    public JobTask TaskOf(int task) => _apps[_jobs.Application[_tasks.Job[task]]].Graph.Tasks[_tasks.TaskId[task]];
    public int TaskHandle(int job, int taskId) => _jobs.FirstTask[job] + taskId;
    public double JobInjectedUs(int job) => _jobs.InjectedUs[job];
    public int AssignedPe(int task) => _tasks.Pe[task];

    /// <summary>Execution time (us, DVFS slowdown applied) of a task on a PE; +inf where the PE lacks the function.</summary>
    public double ExecutionTimeUs(int task, int pe) => _apps[_jobs.Application[_tasks.Job[task]]].ExecUs[_tasks.TaskId[task]][pe];

    /// <summary>DS3 PE.available_time: the schedulers' running estimate of when the PE frees up.</summary>
    public double PeAvailableUs(int pe) => _peAvailableUs[pe];

    /// <summary>True while the PE executes a task (DS3 PE.idle == False).</summary>
    public bool IsPeBusy(int pe) => _peBusy[pe];

    /// <summary>When all input data of a ready task can be on <paramref name="pe"/> (never before now).</summary>
    public double DataReadyUs(int task, int pe)
    {
        var app = _apps[_jobs.Application[_tasks.Job[task]]];
        var id = _tasks.TaskId[task];
        var preds = app.Predecessors[id];
        var ready = NowUs;
        var first = _jobs.FirstTask[_tasks.Job[task]];
        for (var k = 0; k < preds.Length; k++)
        {
            var p = first + preds[k];
            ready = Math.Max(ready, _config.Communication == CommunicationMode.PeToPe
                ? _tasks.FinishUs[p] + _soc.CommunicationTimeUs(app.PredecessorVolumes[id][k], _tasks.Pe[p], pe)
                : NowUs + _soc.CommunicationTimeUs(app.PredecessorVolumes[id][k], _soc.MemoryPe, pe));
        }
        return ready;
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

    /// <summary>
    /// Runs until a policy decision is pending (returns true; read <see cref="ReadyTasks"/>, call <see cref="Decide"/>)
    /// or the simulation ends (returns false). Built-in schedulers never pause.
    /// </summary>
    public bool AdvanceToDecision()
    {
        while (!_finished)
        {
            if (_inPass)
            {
                if (_ready.Count > 0)
                {
                    if (_scheduler is null) return true;
                    _scheduler.Schedule(_context);
                    if (_ready.Count > 0)
                        throw new InvalidOperationException($"scheduler {_scheduler.Name} left {_ready.Count} ready task(s) unassigned");
                }
                Dispatch();
                _inPass = false;
            }
            if (!ProcessNextInstant()) { _energy.Close(_config.SimulationLengthUs); CloseBusyTime(); _finished = true; }
            else _inPass = true;
        }
        return false;
    }

    /// <summary>Policy step: place ready task number <paramref name="readyIndex"/> on its earliest-finish PE.</summary>
    public void Decide(int readyIndex)
    {
        if (_scheduler is not null || !_inPass || readyIndex < 0 || readyIndex >= _ready.Count)
            throw new InvalidOperationException($"no pending decision for ready index {readyIndex} ({_ready.Count} ready)");
        var task = _ready[readyIndex];
        var pe = EarliestFinishPe(task);
        Assign(task, pe, EarliestFinishUs(task, pe));
    }

    internal void Assign(int task, int pe, double estimatedFinishUs)
    {
        var index = _ready.IndexOf(task);
        if (index < 0) throw new InvalidOperationException($"task {task} is not ready");
        if (pe < 0 || pe >= _soc.PeCount || double.IsPositiveInfinity(ExecutionTimeUs(task, pe)))
            throw new InvalidOperationException($"PE {pe} cannot run {TaskOf(task).Name}");
        _ready.RemoveAt(index);
        _tasks.Pe[task] = pe;
        _peAvailableUs[pe] = estimatedFinishUs;
        var at = TaskOf(task).Predecessors.Count == 0 ? NowUs : DataReadyUs(task, pe);
        _tasks.ExecutableAtUs[task] = at;
        // DS3 keeps the executable queue sorted by job id (stable).
        var job = _tasks.Job[task];
        var i = _executable.Count;
        while (i > 0 && _tasks.Job[_executable[i - 1]] > job) i--;
        _executable.Insert(i, task);
        if (at > NowUs) Push(at, EventKind.Wake, task);
    }
}
