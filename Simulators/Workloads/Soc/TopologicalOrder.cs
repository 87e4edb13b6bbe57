namespace ArchGym.Simulators.Workloads.Soc;

/// <summary>Kahn's algorithm over a job DAG.</summary>
public static class TopologicalOrder
{
    /// <summary>Task ids in a topological order, or null when the graph has a cycle.</summary>
    public static int[]? Of(JobGraph graph)
    {
        var n = graph.Tasks.Count;
        var indegree = new int[n];
        foreach (var t in graph.Tasks) indegree[t.Id] = t.Predecessors.Count;
        var order = new int[n];
        int head = 0, tail = 0;
        for (var i = 0; i < n; i++) if (indegree[i] == 0) order[tail++] = i;
        while (head < tail)
        {
            var u = order[head++];
            foreach (var s in graph.Successors(u))
                if (--indegree[s] == 0) order[tail++] = s;
        }
        return tail == n ? order : null;
    }
}
