namespace ArchGym.Simulators.Workloads.Soc;

/// <summary>
/// One task of an application DAG (DS3 <c>job_*.txt</c>); <see cref="Name"/> keys the PE timing table.
/// <see cref="Line"/> is the line that defined it (0 when built in code), for error messages.
/// </summary>
public sealed record JobTask(int Id, string Name, IReadOnlyList<int> Predecessors, bool IsHead, bool IsTail, double DeadlineUs, int Line = 0);

/// <summary>A DAG edge with its data volume (DS3 <c>comm_vol</c>, bits); comm time = volume / bandwidth.</summary>
public readonly record struct JobEdge(int Source, int Destination, double Volume);

/// <summary>An application (job) DAG as DS3 reads it: tasks indexed by id 0..n-1, one HEAD, one TAIL.</summary>
public sealed class JobGraph
{
    private readonly int[][] _successors;
    private readonly double[][] _predecessorVolumes;

    public JobGraph(string name, IReadOnlyList<JobTask> tasks, IReadOnlyList<JobEdge> edges, string? sourceName = null)
    {
        Name = name;
        SourceName = sourceName ?? name;
        Tasks = tasks;
        Edges = edges;
        var successors = new List<int>[tasks.Count];
        for (var i = 0; i < tasks.Count; i++) successors[i] = new List<int>();
        foreach (var t in tasks)
            foreach (var p in t.Predecessors) successors[p].Add(t.Id);
        _successors = successors.Select(s => s.ToArray()).ToArray();
        _predecessorVolumes = tasks.Select(t => new double[t.Predecessors.Count]).ToArray();
        foreach (var e in edges)
        {
            var preds = tasks[e.Destination].Predecessors;
            for (var k = 0; k < preds.Count; k++)
                if (preds[k] == e.Source) _predecessorVolumes[e.Destination][k] = e.Volume;
        }
        HeadId = tasks.Single(t => t.IsHead).Id;
        TailId = tasks.Single(t => t.IsTail).Id;
    }

    public string Name { get; }

    /// <summary>The file (or catalog entry) the graph was read from.</summary>
    public string SourceName { get; }

    /// <summary>"file:line" of a task's definition, or the file alone when the line is unknown.</summary>
    public string Where(int taskId) => Tasks[taskId].Line > 0 ? $"{SourceName}:{Tasks[taskId].Line}" : SourceName;
    public IReadOnlyList<JobTask> Tasks { get; }
    public IReadOnlyList<JobEdge> Edges { get; }
    public int HeadId { get; }
    public int TailId { get; }

    /// <summary>Ids of the tasks that depend on <paramref name="taskId"/>.</summary>
    public IReadOnlyList<int> Successors(int taskId) => _successors[taskId];

    /// <summary>Data volume on the edge from the k-th predecessor of <paramref name="taskId"/> (0 when no comm_vol line).</summary>
    public double PredecessorVolume(int taskId, int k) => _predecessorVolumes[taskId][k];

    /// <summary>Data volume on edge source -> destination (0 when absent).</summary>
    public double Volume(int source, int destination)
    {
        var preds = Tasks[destination].Predecessors;
        for (var k = 0; k < preds.Count; k++)
            if (preds[k] == source) return _predecessorVolumes[destination][k];
        return 0;
    }

    public override string ToString() => $"{Name} ({Tasks.Count} tasks)";
}
