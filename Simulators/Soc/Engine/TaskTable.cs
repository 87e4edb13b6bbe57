namespace ArchGym.Simulators.Soc.Engine;

/// <summary>Struct-of-arrays store of task instances (one row per task of every injected job), grown by doubling.</summary>
internal sealed class TaskTable
{
    public int Count;
    public int[] Job = new int[256];
    public int[] TaskId = new int[256];
    public int[] PendingPredecessors = new int[256];
    public int[] Pe = new int[256];
    /// <summary>A task that must finish before this one may start on its PE (HEFT plan order), or -1.</summary>
    public int[] Dependency = new int[256];
    /// <summary>Singly linked lists of the tasks waiting on each task (head per task, next per waiting task).</summary>
    public int[] FirstDependent = new int[256];
    public int[] NextDependent = new int[256];
    /// <summary>The task's execution time per PE (its application's row, shared).</summary>
    public double[][] ExecRow = new double[256][];
    /// <summary>Global order of entry into the executable queue (DS3 keeps that queue stable-sorted by job).</summary>
    public long[] QueueOrder = new long[256];
    public double[] ReadyUs = new double[256];
    public double[] ExecutableAtUs = new double[256];
    public double[] StartUs = new double[256];
    public double[] FinishUs = new double[256];

    public int Add(int job, int taskId, int predecessors, double[] execRow)
    {
        if (Count == Job.Length) Grow();
        var i = Count++;
        Job[i] = job; TaskId[i] = taskId; PendingPredecessors[i] = predecessors; ExecRow[i] = execRow;
        Pe[i] = -1; Dependency[i] = -1; FirstDependent[i] = -1; NextDependent[i] = -1; QueueOrder[i] = 0;
        ReadyUs[i] = double.NaN; ExecutableAtUs[i] = 0; StartUs[i] = double.NaN; FinishUs[i] = double.NaN;
        return i;
    }

    private void Grow()
    {
        var n = Job.Length * 2;
        Array.Resize(ref Job, n); Array.Resize(ref TaskId, n); Array.Resize(ref PendingPredecessors, n);
        Array.Resize(ref Pe, n); Array.Resize(ref Dependency, n); Array.Resize(ref FirstDependent, n);
        Array.Resize(ref NextDependent, n); Array.Resize(ref ExecRow, n); Array.Resize(ref QueueOrder, n); Array.Resize(ref ReadyUs, n);
        Array.Resize(ref ExecutableAtUs, n); Array.Resize(ref StartUs, n); Array.Resize(ref FinishUs, n);
    }
}

/// <summary>Per-run job rows: application, injection time, first task row, and what is left of the job.</summary>
internal sealed class JobTable
{
    public int Count;
    public int[] Application = new int[64];
    public double[] InjectedUs = new double[64];
    public int[] FirstTask = new int[64];
    public int[] RemainingTasks = new int[64];
    public double[] RemainingWorkUs = new double[64];

    public int Add(int application, double injectedUs, int firstTask, int tasks, double workUs)
    {
        if (Count == Application.Length)
        {
            var n = Count * 2;
            Array.Resize(ref Application, n); Array.Resize(ref InjectedUs, n); Array.Resize(ref FirstTask, n);
            Array.Resize(ref RemainingTasks, n); Array.Resize(ref RemainingWorkUs, n);
        }
        Application[Count] = application; InjectedUs[Count] = injectedUs; FirstTask[Count] = firstTask;
        RemainingTasks[Count] = tasks; RemainingWorkUs[Count] = workUs;
        return Count++;
    }
}
