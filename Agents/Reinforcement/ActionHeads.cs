namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// The layout of a factored categorical action: one head per action component with its number of
/// choices, the heads' logits side by side in one output row (head k at <see cref="Offset"/>(k)).
/// </summary>
public sealed class ActionHeads
{
    private readonly int[] _sizes;
    private readonly int[] _offsets;

    public ActionHeads(IReadOnlyList<int> sizes)
    {
        if (sizes.Count == 0) throw new ArgumentException("an action needs at least one head");
        _sizes = new int[sizes.Count];
        _offsets = new int[sizes.Count];
        var offset = 0;
        for (var k = 0; k < _sizes.Length; k++)
        {
            if (sizes[k] < 1) throw new ArgumentException($"head {k} needs at least one choice, got {sizes[k]}");
            _sizes[k] = sizes[k];
            _offsets[k] = offset;
            offset += sizes[k];
        }

        TotalLogits = offset;
    }

    /// <summary>Number of heads (action components).</summary>
    public int Count => _sizes.Length;

    /// <summary>Sum of the heads' choice counts: the policy network's output width.</summary>
    public int TotalLogits { get; }

    public IReadOnlyList<int> Sizes => _sizes;

    public int Size(int head) => _sizes[head];

    public int Offset(int head) => _offsets[head];
}
