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

    /// <summary>Task ids along one cycle (first id repeated at the end), or null when the graph is acyclic.</summary>
    public static int[]? FindCycle(JobGraph graph)
    {
        if (Of(graph) is not null) return null;
        // Walk predecessors from any task: in a finite graph where every task left by Kahn's algorithm has a
        // predecessor also left, the walk must revisit a task; the part from its first visit is a cycle.
        var n = graph.Tasks.Count;
        var left = new bool[n];
        var indegree = new int[n];
        foreach (var t in graph.Tasks) indegree[t.Id] = t.Predecessors.Count;
        var queue = new Queue<int>(Enumerable.Range(0, n).Where(i => indegree[i] == 0));
        Array.Fill(left, true);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            left[u] = false;
            foreach (var s in graph.Successors(u)) if (--indegree[s] == 0) queue.Enqueue(s);
        }
        var walk = new List<int>();
        var seenAt = new Dictionary<int, int>();
        var node = Array.IndexOf(left, true);
        while (!seenAt.ContainsKey(node))
        {
            seenAt[node] = walk.Count;
            walk.Add(node);
            node = graph.Tasks[node].Predecessors.First(p => left[p]);
        }
        var cycle = walk.Skip(seenAt[node]).Reverse().ToList();
        cycle.Add(cycle[0]);
        return [.. cycle];
    }
}
