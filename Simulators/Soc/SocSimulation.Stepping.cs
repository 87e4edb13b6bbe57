using ArchGym.Simulators.Soc.Engine;

namespace ArchGym.Simulators.Soc;

public sealed partial class SocSimulation
{
    private bool _passOpen;

    /// <summary>Jobs in the system now (injected, tail not finished).</summary>
    public int JobsInSystem => _jobsInFlight;

    /// <summary>Jobs injected so far (warm-up included).</summary>
    public long InjectedJobCount => _injections;

    /// <summary>Jobs completed after warm-up so far, and the sum of their latencies (for rewards).</summary>
    public int CompletedJobCount => _latencies.Count;

    public double CompletedLatencySumUs { get; private set; }

    /// <summary>Energy after warm-up so far (J) and the hottest hotspot (C), from DS3's power model; reading them changes nothing.</summary>
    public double EnergySoFarJ => _energy.PeekEnergyJ(NowUs);

    public double TemperatureCelsius => _energy.TemperatureCelsius;

    /// <summary>True when <see cref="AdvanceToDecision"/> stopped for a policy decision.</summary>
    public bool HasPendingDecision => _scheduler is null && _inPass && _ready.Count > 0 && !_finished;

    /// <summary>
    /// Runs until a policy decision is pending (returns true; read <see cref="ReadyTasks"/>, call <see cref="Decide(int)"/>)
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
                    if (!_passOpen) OpenPass();
                    if (_scheduler is null) return true;
                    _scheduler.Schedule(_context);
                    // Built-in passes leave assigned tasks in the list (no O(R) removal per task); drop them at once.
                    var kept = 0;
                    for (var i = 0; i < _ready.Count; i++)
                        if (_tasks.Pe[_ready[i]] < 0) _ready[kept++] = _ready[i];
                    if (kept > 0)
                        throw new InvalidOperationException($"scheduler {_scheduler.Name} left {kept} ready task(s) unassigned");
                    _ready.Clear();
                }
                Dispatch();
                _inPass = _passOpen = false;
            }
            if (ProcessNextInstant()) _inPass = true;
            else Finish();
        }
        return false;
    }

    /// <summary>Policy step (DeepSoCS): place ready task number <paramref name="readyIndex"/> on its earliest-finish PE.</summary>
    public void Decide(int readyIndex)
    {
        RequireDecision(readyIndex);
        Decide(readyIndex, EarliestFinishPe(_ready[readyIndex]));
    }

    /// <summary>Policy step with the agent's PE (SoCRATES / SCARL setting); the PE must support the task.</summary>
    public void Decide(int readyIndex, int pe)
    {
        RequireDecision(readyIndex);
        var task = _ready[readyIndex];
        if (pe < 0 || pe >= _soc.PeCount || double.IsPositiveInfinity(ExecutionTimeUs(task, pe)))
            throw new ArgumentOutOfRangeException(nameof(pe), pe, $"PE {pe} cannot run {TaskOf(task).Name}");
        Assign(task, pe, EarliestFinishUs(task, pe));
    }

    private void RequireDecision(int readyIndex)
    {
        if (!HasPendingDecision || readyIndex < 0 || readyIndex >= _ready.Count)
            throw new InvalidOperationException($"no pending decision for ready index {readyIndex} ({_ready.Count} ready)");
    }

    /// <summary>
    /// Gives a ready task to a PE (DS3 update_execution_queue): it becomes executable when its inputs arrive, and runs
    /// when the PE is free and, if <paramref name="dependency"/> &gt;= 0, once that task has finished (plan order).
    /// </summary>
    internal void Assign(int task, int pe, double estimatedFinishUs, int dependency = -1)
    {
        if (task < 0 || task >= _tasks.Count || _tasks.Pe[task] >= 0 || double.IsNaN(_tasks.ReadyUs[task]))
            throw new InvalidOperationException($"task {task} is not ready");
        if (pe < 0 || pe >= _soc.PeCount || double.IsPositiveInfinity(ExecutionTimeUs(task, pe)))
            throw new InvalidOperationException($"PE {pe} cannot run {TaskOf(task).Name}");
        if (_scheduler is null) _ready.Remove(task); // a policy decision; built-in passes compact the list afterwards
        _tasks.Pe[task] = pe;
        _tasks.Dependency[task] = dependency;
        if (dependency >= 0)
        {
            _tasks.NextDependent[task] = _tasks.FirstDependent[dependency];
            _tasks.FirstDependent[dependency] = task;
        }
        _peAvailableUs[pe] = estimatedFinishUs;
        var at = DataReadyUs(task, pe);
        _tasks.ExecutableAtUs[task] = at;
        if (_scheduler?.QueuesInAssignmentOrder ?? true) _tasks.QueueOrder[task] = _queueSeq++;
        var queue = _peQueue[pe];
        var i = queue.Count;
        while (i > 0 && QueuedBefore(task, queue[i - 1])) i--;
        queue.Insert(i, task);
        MarkDirty(pe);
        if (at > NowUs) Push(at, EventKind.Wake, task);
    }

    /// <summary>Numbers this pass's ready tasks in ready-list order (their executable-queue order unless the scheduler reorders).</summary>
    private void OpenPass()
    {
        for (var i = 0; i < _ready.Count; i++) _tasks.QueueOrder[_ready[i]] = _queueSeq + i;
        _queueSeq += _ready.Count;
        _passOpen = true;
    }

    private void Finish()
    {
        _energy.AdvanceTo(_config.SimulationLengthUs);
        for (var pe = 0; pe < _peRunning.Length; pe++)
            if (_peRunning[pe] >= 0) AddBusyTime(pe, _tasks.StartUs[_peRunning[pe]], _config.SimulationLengthUs);
        _finished = true;
    }
}
