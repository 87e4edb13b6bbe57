namespace ArchGym.Simulators.Soc;

public sealed partial class SocSimulation
{
    private enum EventKind : byte { Arrival, Finish, Wake, Ready }

    private void Push(double timeUs, EventKind kind, int arg) => _events.Enqueue((kind, arg), (timeUs, _seq++));

    /// <summary>Pops and handles every event of the next instant (up to the simulation length); false when none is left.</summary>
    private bool ProcessNextInstant()
    {
        if (!_events.TryPeek(out _, out var key) || key.TimeUs > _config.SimulationLengthUs) return false;
        NowUs = key.TimeUs;
        while (_events.TryPeek(out _, out key) && key.TimeUs == NowUs)
        {
            var (kind, arg) = _events.Dequeue();
            switch (kind)
            {
                case EventKind.Arrival: Arrive(); break;
                case EventKind.Finish: Complete(arg); break;
                case EventKind.Ready: _ready.Add(arg); break;
                case EventKind.Wake: break; // a communication wait ended: the dispatch pass will look
            }
        }
        return true;
    }

    /// <summary>DS3 job generator: inject unless max_jobs_in_parallel are in flight, then wait int(Exp(scale)) us.</summary>
    private void Arrive()
    {
        if (_jobsInFlight >= _config.MaxJobsInFlight) { _arrivalBlocked = true; return; }
        Inject(PickApplication());
        var wait = _config.FixedInterArrival
            ? _config.MeanInterArrivalUs
            : Math.Floor(-_config.MeanInterArrivalUs * Math.Log(1 - _rng.NextDouble()));
        Push(NowUs + wait, EventKind.Arrival, 0);
    }

    private int PickApplication()
    {
        var u = _rng.NextDouble();
        for (var i = 0; i < _cumulativeProbability.Length - 1; i++)
            if (u < _cumulativeProbability[i]) return i;
        return _cumulativeProbability.Length - 1;
    }

    private void Inject(int application)
    {
        var app = _apps[application];
        var job = _jobs.Add(application, NowUs, _tasks.Count);
        for (var t = 0; t < app.Predecessors.Length; t++)
        {
            var handle = _tasks.Add(job, t, app.Predecessors[t].Length);
            if (app.Predecessors[t].Length == 0) _ready.Add(handle);
        }
        _jobsInFlight++;
        _scheduler?.OnJobInjected(_context, job);
    }

    /// <summary>Starts every executable task whose data has arrived on a free PE, in job-id order (DS3 run loop).</summary>
    private void Dispatch()
    {
        var kept = 0;
        for (var i = 0; i < _executable.Count; i++)
        {
            var task = _executable[i];
            var pe = _tasks.Pe[task];
            if (_tasks.ExecutableAtUs[task] <= NowUs && !_peBusy[pe]) Start(task, pe);
            else _executable[kept++] = task;
        }
        _executable.RemoveRange(kept, _executable.Count - kept);
    }

    private void Start(int task, int pe)
    {
        _peBusy[pe] = true;
        _tasks.StartUs[task] = NowUs;
        _energy.Change(_soc.ClusterOf(pe), +1, NowUs);
        if (_tasks.TaskId[task] == JobGraphOf(_tasks.Job[task]).HeadId && NowUs >= _config.WarmupUs) _injectedAfterWarmup++;
        Push(NowUs + ExecutionTimeUs(task, pe), EventKind.Finish, task);
    }

    private void Complete(int task)
    {
        var pe = _tasks.Pe[task];
        _peBusy[pe] = false;
        _tasks.FinishUs[task] = NowUs;
        _energy.Change(_soc.ClusterOf(pe), -1, NowUs);
        AddBusyTime(pe, _tasks.StartUs[task], NowUs);
        _tasksExecuted++;
        var job = _tasks.Job[task];
        var app = _apps[_jobs.Application[job]];
        var first = _jobs.FirstTask[job];
        foreach (var s in app.Successors[_tasks.TaskId[task]])
            if (--_tasks.PendingPredecessors[first + s] == 0) BecomeReady(first + s, app, s, first);
        if (_tasks.TaskId[task] == app.Graph.TailId) FinishJob(job);
    }

    /// <summary>PE-to-PE: ready at once. Shared memory: once every producer has written its data to MEMORY.</summary>
    private void BecomeReady(int task, Engine.CompiledJob app, int taskId, int first)
    {
        if (_config.Communication == CommunicationMode.PeToPe) { _ready.Add(task); return; }
        var at = NowUs;
        var preds = app.Predecessors[taskId];
        for (var k = 0; k < preds.Length; k++)
        {
            var p = first + preds[k];
            at = Math.Max(at, _tasks.FinishUs[p] + _soc.CommunicationTimeUs(app.PredecessorVolumes[taskId][k], _tasks.Pe[p], _soc.MemoryPe));
        }
        if (at <= NowUs) _ready.Add(task);
        else Push(at, EventKind.Ready, task);
    }

    private void FinishJob(int job)
    {
        _jobsInFlight--;
        if (NowUs >= _config.WarmupUs)
        {
            _latencies.Add(NowUs - _jobs.InjectedUs[job]);
            _lastCompletionUs = NowUs;
        }
        if (_arrivalBlocked) { _arrivalBlocked = false; Push(NowUs, EventKind.Arrival, 0); }
    }

    private void AddBusyTime(int pe, double startUs, double endUs)
    {
        var from = Math.Max(startUs, _config.WarmupUs);
        if (endUs > from) _peBusyUs[pe] += endUs - from;
    }

    private void CloseBusyTime()
    {
        for (var i = 0; i < _tasks.Count; i++)
            if (!double.IsNaN(_tasks.StartUs[i]) && double.IsNaN(_tasks.FinishUs[i]))
                AddBusyTime(_tasks.Pe[i], _tasks.StartUs[i], _config.SimulationLengthUs);
    }

    /// <summary>The report of a finished run (DS3 performance-mode statistics).</summary>
    public SocReport BuildReport()
    {
        if (!_finished) throw new InvalidOperationException("the simulation has not finished; call AdvanceToDecision until it returns false");
        var sorted = _latencies.ToArray();
        Array.Sort(sorted);
        var measured = double.IsNaN(_lastCompletionUs) ? 0 : _lastCompletionUs - _config.WarmupUs;
        var window = _config.SimulationLengthUs - _config.WarmupUs;
        double PerMs(int count) => measured > 0 ? count / measured * 1000 : 0;
        return new SocReport(
            _scheduler?.Name ?? "Policy",
            _injectedAfterWarmup,
            sorted.Length,
            sorted.Length == 0 ? 0 : sorted.Average(),
            sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Length) - 1)],
            PerMs(_injectedAfterWarmup),
            PerMs(sorted.Length),
            measured,
            _energy.EnergyJ,
            _energy.TotalEnergyJ,
            measured * _energy.TotalEnergyJ,
            _soc.PeNames,
            _peBusyUs.Select(b => b / window).ToArray(),
            _tasksExecuted);
    }
}
