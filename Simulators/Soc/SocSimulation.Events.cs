using ArchGym.Simulators.Soc.Engine;

namespace ArchGym.Simulators.Soc;

public sealed partial class SocSimulation
{
    private bool _inPass;
    private bool _finished;
    private bool _arrivalBlocked;
    private int _jobsInFlight;
    private int _injectedAfterWarmup;
    private long _injections;
    private long _jobsInSystemSum;
    private long _tasksExecuted;
    private long _queueSeq;
    private double _lastCompletionUs = double.NaN;

    private void Push(double timeUs, EventKind kind, int arg) => _events.Push(timeUs, kind, arg);

    /// <summary>Pops and handles every event of the next instant before the simulation length; false when none is left.</summary>
    private bool ProcessNextInstant()
    {
        // SimPy's env.run(until=L) stops before handling events at time L.
        if (_events.Count == 0 || _events.PeekTimeUs >= _config.SimulationLengthUs) return false;
        NowUs = _events.PeekTimeUs;
        while (_events.Count > 0 && _events.PeekTimeUs == NowUs)
        {
            var (kind, arg) = _events.Pop();
            switch (kind)
            {
                case EventKind.Arrival: Arrive(); break;
                case EventKind.Finish: Complete(arg); break;
                case EventKind.Ready: MakeReady(arg); break;
                case EventKind.Wake: MarkDirty(_tasks.Pe[arg]); break; // its input data has arrived
            }
        }
        return true;
    }

    /// <summary>
    /// DS3 job_generator: inject unless max_jobs_in_parallel are in flight, then wait int(Exp(scale)) us; when blocked,
    /// DS3 retries at once when a job leaves, DS3Gym after one tick plus another exponential wait. DS3Gym's pss mode
    /// first fills the system at t = 0.
    /// </summary>
    private void Arrive()
    {
        if (_config.PrefillJobs && _injections == 0)
            while (_jobsInFlight < _config.MaxJobsInFlight) Inject(PickApplication());
        else if (_jobsInFlight < _config.MaxJobsInFlight) Inject(PickApplication());
        else if (_config.Generator == JobGeneratorStyle.Ds3) { _arrivalBlocked = true; return; }
        else { Push(NowUs + 1 + InterArrivalUs(), EventKind.Arrival, 0); return; }
        Push(NowUs + InterArrivalUs(), EventKind.Arrival, 0);
    }

    /// <summary>int(random.expovariate(1 / scale)), or exactly scale with fixed_injection_rate.</summary>
    private double InterArrivalUs() => _config.FixedInterArrival
        ? _config.MeanInterArrivalUs
        : Math.Floor(-_config.MeanInterArrivalUs * Math.Log(1 - _arrivalRng.NextDouble()));

    /// <summary>DS3: np.random.choice(apps, p=job_probabilities).</summary>
    private int PickApplication()
    {
        var u = _mixRng.NextDouble();
        for (var i = 0; i < _cumulativeProbability.Length - 1; i++)
            if (u < _cumulativeProbability[i]) return i;
        return _cumulativeProbability.Length - 1;
    }

    private void Inject(int application)
    {
        var app = _apps[application];
        var tasks = app.Predecessors.Length;
        var job = _jobs.Add(application, NowUs, _tasks.Count, tasks, app.TotalMeanWorkUs);
        for (var t = 0; t < tasks; t++)
        {
            var handle = _tasks.Add(job, t, app.Predecessors[t].Length, app.ExecUs[t]);
            if (app.Predecessors[t].Length == 0) MakeReady(handle);
        }
        _jobsInFlight++;
        _injections++;
        _jobsInSystemSum += _jobsInFlight; // DS3 results.average_job_number
        _scheduler?.OnJobInjected(_context, job);
    }

    private void MakeReady(int task)
    {
        _tasks.ReadyUs[task] = NowUs;
        _ready.Add(task);
    }

    /// <summary>Marks a PE whose queue, state or dependencies changed, for the next dispatch pass.</summary>
    private void MarkDirty(int pe)
    {
        if (_peDirty[pe]) return;
        _peDirty[pe] = true;
        _dirtyPes[_dirtyCount++] = pe;
    }

    /// <summary>
    /// Every free PE that something happened to starts the first task of its queue that may run now (data arrived,
    /// plan predecessor done); the starts go in DS3's executable-list order (job id, then entry order).
    /// </summary>
    private void Dispatch()
    {
        var count = 0;
        for (var d = 0; d < _dirtyCount; d++)
        {
            var pe = _dirtyPes[d];
            _peDirty[pe] = false;
            if (_peRunning[pe] >= 0) continue;
            var queue = _peQueue[pe];
            for (var i = 0; i < queue.Count; i++)
            {
                var t = queue[i];
                if (_tasks.ExecutableAtUs[t] > NowUs) continue;
                var dep = _tasks.Dependency[t];
                if (dep >= 0 && double.IsNaN(_tasks.FinishUs[dep])) continue;
                queue.RemoveAt(i);
                var at = count++;
                while (at > 0 && QueuedBefore(t, _starts[at - 1])) { _starts[at] = _starts[at - 1]; at--; }
                _starts[at] = t;
                break;
            }
        }
        _dirtyCount = 0;
        for (var i = 0; i < count; i++) Start(_starts[i]);
    }

    /// <summary>DS3's executable list is stable-sorted by job id.</summary>
    private bool QueuedBefore(int a, int b) =>
        _tasks.Job[a] < _tasks.Job[b] || (_tasks.Job[a] == _tasks.Job[b] && _tasks.QueueOrder[a] < _tasks.QueueOrder[b]);

    private void Start(int task)
    {
        var pe = _tasks.Pe[task];
        _peRunning[pe] = task;
        _tasks.StartUs[task] = NowUs;
        _energy.Change(_soc.ClusterOf(pe), +1, NowUs);
        if (_tasks.TaskId[task] == JobGraphOf(_tasks.Job[task]).HeadId && NowUs >= _config.WarmupUs) _injectedAfterWarmup++;
        _peFreeAtUs[pe] = NowUs + ExecutionTimeUs(task, pe);
        Push(_peFreeAtUs[pe], EventKind.Finish, task);
    }

    private void Complete(int task)
    {
        var pe = _tasks.Pe[task];
        _peRunning[pe] = -1;
        _tasks.FinishUs[task] = NowUs;
        MarkDirty(pe);
        for (var w = _tasks.FirstDependent[task]; w >= 0; w = _tasks.NextDependent[w]) MarkDirty(_tasks.Pe[w]);
        _energy.Change(_soc.ClusterOf(pe), -1, NowUs);
        AddBusyTime(pe, _tasks.StartUs[task], NowUs);
        _tasksExecuted++;
        var job = _tasks.Job[task];
        var app = _apps[_jobs.Application[job]];
        var id = _tasks.TaskId[task];
        _jobs.RemainingTasks[job]--;
        _jobs.RemainingWorkUs[job] -= app.MeanExecUs[id];
        var first = _jobs.FirstTask[job];
        foreach (var s in app.Successors[id])
            if (--_tasks.PendingPredecessors[first + s] == 0) BecomeReady(first + s, app, s, first);
        if (id == app.Graph.TailId) FinishJob(job);
    }

    /// <summary>PE-to-PE: ready at once. Shared memory: once every producer has written its data to MEMORY.</summary>
    private void BecomeReady(int task, CompiledJob app, int taskId, int first)
    {
        if (_config.Communication == CommunicationMode.PeToPe) { MakeReady(task); return; }
        var at = NowUs;
        var preds = app.Predecessors[taskId];
        for (var k = 0; k < preds.Length; k++)
        {
            var p = first + preds[k];
            at = Math.Max(at, _tasks.FinishUs[p] + _soc.CommunicationTimeUs(app.PredecessorVolumes[taskId][k], _tasks.Pe[p], _soc.MemoryPe));
        }
        if (at <= NowUs) MakeReady(task);
        else Push(at, EventKind.Ready, task);
    }

    private void FinishJob(int job)
    {
        _jobsInFlight--;
        if (NowUs >= _config.WarmupUs)
        {
            _latencies.Add(NowUs - _jobs.InjectedUs[job]);
            CompletedLatencySumUs += NowUs - _jobs.InjectedUs[job];
            _lastCompletionUs = NowUs;
        }
        if (_arrivalBlocked) { _arrivalBlocked = false; Push(NowUs, EventKind.Arrival, 0); }
    }

    private void AddBusyTime(int pe, double startUs, double endUs)
    {
        var from = Math.Max(startUs, _config.WarmupUs);
        if (endUs > from) _peBusyUs[pe] += endUs - from;
    }
}
