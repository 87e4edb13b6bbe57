namespace ArchGym.Simulators.Soc.Engine;

/// <summary>Struct-of-arrays store of task instances (one row per task of every injected job), grown by doubling.</summary>
internal sealed class TaskTable
{
    public int Count;
    public int[] Job = new int[256];
    public int[] TaskId = new int[256];
    public int[] PendingPredecessors = new int[256];
    public int[] Pe = new int[256];
    public double[] ExecutableAtUs = new double[256];
    public double[] StartUs = new double[256];
    public double[] FinishUs = new double[256];

    public int Add(int job, int taskId, int predecessors)
    {
        if (Count == Job.Length) Grow();
        var i = Count++;
        Job[i] = job; TaskId[i] = taskId; PendingPredecessors[i] = predecessors;
        Pe[i] = -1; ExecutableAtUs[i] = 0; StartUs[i] = double.NaN; FinishUs[i] = double.NaN;
        return i;
    }

    private void Grow()
    {
        var n = Job.Length * 2;
        Array.Resize(ref Job, n); Array.Resize(ref TaskId, n); Array.Resize(ref PendingPredecessors, n);
        Array.Resize(ref Pe, n); Array.Resize(ref ExecutableAtUs, n); Array.Resize(ref StartUs, n); Array.Resize(ref FinishUs, n);
    }
}

/// <summary>Per-run job rows: which application, when injected, where its tasks start in <see cref="TaskTable"/>.</summary>
internal sealed class JobTable
{
    public int Count;
    public int[] Application = new int[64];
    public double[] InjectedUs = new double[64];
    public int[] FirstTask = new int[64];

    public int Add(int application, double injectedUs, int firstTask)
    {
        if (Count == Application.Length)
        {
            Array.Resize(ref Application, Count * 2); Array.Resize(ref InjectedUs, Count * 2); Array.Resize(ref FirstTask, Count * 2);
        }
        Application[Count] = application; InjectedUs[Count] = injectedUs; FirstTask[Count] = firstTask;
        return Count++;
    }
}
