using System.Globalization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Soc;

/// <summary>
/// Reads DS3's application files (<c>job_*.txt</c>): <c>job_name</c>, <c>add_new_tasks N</c>, then per task
/// "name id [pred ...]", optional "name HEAD|TAIL", "name earliest_start e deadline d [input_vol i output_vol o]",
/// and <c>comm_vol src dst volume</c> per edge. Errors name file:line.
/// </summary>
public static class JobFileReader
{
    /// <summary>Reads a job file from disk; errors name the file's name and line.</summary>
    public static JobGraph Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigException("job file", path, "a readable DS3 job_*.txt file (" + e.Message + ")");
        }
        return Parse(text, Path.GetFileName(path));
    }

    public static JobGraph Parse(string text, string sourceName)
    {
        string? jobName = null;
        var declared = -1;
        var tasks = new List<(int Id, string Name, List<int> Preds, bool Head, bool Tail, double Deadline, int Line)>();
        var edges = new List<(JobEdge Edge, int Line)>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var where = $"{sourceName}:{n + 1}";
            var tok = lines[n].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tok.Length == 0 || tok[0].StartsWith('#')) continue;
            switch (tok[0])
            {
                case "job_name":
                    Need(tok, 2, "job_name", "job_name <name>", where);
                    jobName = tok[1];
                    continue;
                case "add_new_tasks":
                    Need(tok, 2, "add_new_tasks", "add_new_tasks <count>", where);
                    declared = Int(tok[1], "add_new_tasks", where);
                    continue;
                case "comm_vol":
                    Need(tok, 4, "comm_vol", "comm_vol <src_id> <dst_id> <volume>", where);
                    edges.Add((new JobEdge(Int(tok[1], "comm_vol source", where), Int(tok[2], "comm_vol destination", where),
                        Num(tok[3], "comm_vol volume", where)), n + 1));
                    continue;
            }
            if (declared < 0)
                throw new InvalidConfigException("line", tok[0], "job_name / add_new_tasks before the tasks", where);
            if (tok.Length >= 2 && int.TryParse(tok[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                if (id != tasks.Count)
                    throw new InvalidConfigException("task id", tok[1], $"consecutive ids from 0 (expected {tasks.Count})", where);
                var preds = new List<int>();
                for (var k = 2; k < tok.Length; k++) preds.Add(Int(tok[k], "predecessor id", where));
                tasks.Add((id, tok[0], preds, false, false, 0, n + 1));
                continue;
            }
            var idx = tasks.FindLastIndex(t => t.Name == tok[0]);
            if (idx < 0)
                throw new InvalidConfigException("task name", tok[0], "a task defined earlier by '<name> <id> [preds]'", where);
            var task = tasks[idx];
            if (tok.Length == 2 && tok[1] is "HEAD" or "TAIL")
                tasks[idx] = tok[1] == "HEAD" ? task with { Head = true } : task with { Tail = true };
            else if (tok.Length >= 2 && tok[1] == "earliest_start")
            {
                var d = Array.IndexOf(tok, "deadline");
                var deadline = d > 0 && d + 1 < tok.Length ? Num(tok[d + 1], "deadline", where) : 0;
                tasks[idx] = task with { Deadline = deadline };
            }
            else
                throw new InvalidConfigException("task line", string.Join(' ', tok), "'<name> <id> [preds]', '<name> HEAD|TAIL' or '<name> earliest_start ...'", where);
        }
        return Build(jobName, declared, tasks, edges, sourceName);
    }

    private static JobGraph Build(string? jobName,
        int declared, List<(int Id, string Name, List<int> Preds, bool Head, bool Tail, double Deadline, int Line)> tasks,
        List<(JobEdge Edge, int Line)> edges, string sourceName)
    {
        if (jobName is null) throw new InvalidConfigException("job_name", null, "a 'job_name <name>' line", sourceName);
        if (tasks.Count != declared)
            throw new InvalidConfigException("add_new_tasks", declared, $"the number of tasks defined ({tasks.Count})", sourceName);
        foreach (var t in tasks)
            foreach (var p in t.Preds)
                if (p < 0 || p >= tasks.Count || p == t.Id)
                    throw new InvalidConfigException("predecessor id", p, $"another task id in 0..{tasks.Count - 1}", $"{sourceName}:{t.Line}");
        var heads = tasks.Count(t => t.Head);
        var tails = tasks.Count(t => t.Tail);
        if (heads != 1) throw new InvalidConfigException("HEAD markers", heads, "exactly one '<task> HEAD' line", sourceName);
        if (tails != 1) throw new InvalidConfigException("TAIL markers", tails, "exactly one '<task> TAIL' line", sourceName);
        foreach (var (e, line) in edges)
            if (e.Source < 0 || e.Source >= tasks.Count || e.Destination < 0 || e.Destination >= tasks.Count
                || !tasks[e.Destination].Preds.Contains(e.Source))
                throw new InvalidConfigException("comm_vol", $"{e.Source} {e.Destination}", "an edge 'src dst' where src is a predecessor of dst", $"{sourceName}:{line}");
        var graph = new JobGraph(jobName,
            tasks.Select(t => new JobTask(t.Id, t.Name, t.Preds.ToArray(), t.Head, t.Tail, t.Deadline, t.Line)).ToArray(),
            edges.Select(e => e.Edge).ToArray(), sourceName);
        if (TopologicalOrder.FindCycle(graph) is { } cycle)
        {
            // Report from the cycle's earliest line: "a -> b -> ... -> a".
            var loop = cycle[..^1];
            var from = Array.IndexOf(loop, loop.MinBy(id => graph.Tasks[id].Line));
            var path = loop[from..].Concat(loop[..from]).Append(loop[from]);
            throw new InvalidConfigException("predecessors", "cycle " + string.Join(" -> ", path), "an acyclic task graph", graph.Where(loop[from]));
        }
        return graph;
    }

    private static void Need(string[] tok, int count, string field, string allowed, string where)
    {
        if (tok.Length < count) throw new InvalidConfigException(field, string.Join(' ', tok), allowed, where);
    }

    private static int Int(string s, string field, string where) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new InvalidConfigException(field, s, "an integer", where);

    private static double Num(string s, string field, string where) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)
            ? v : throw new InvalidConfigException(field, s, "a non-negative number", where);
}
