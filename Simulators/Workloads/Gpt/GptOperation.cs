namespace ArchGym.Simulators.Workloads.Gpt;

/// <summary>The kinds of work in one decoder step of a GPT model (batch 1, one new token).</summary>
public enum GptOpKind
{
    /// <summary>Token + position embedding gather and add (Rows = d_model).</summary>
    Embedding,
    LayerNorm,
    /// <summary>Weight vector-matrix product: Rows outputs, Cols inputs.</summary>
    Vmm,
    /// <summary>K-cache append and q·Kᵀ for every head: Rows = KV length, Cols = head dim, Groups = heads.</summary>
    AttentionScores,
    /// <summary>Scaled, masked softmax over Rows = KV length for Groups heads.</summary>
    Softmax,
    /// <summary>V-cache append and s·V for every head: Rows = head dim, Cols = KV length, Groups = heads.</summary>
    AttentionValues,
    Gelu,
    ResidualAdd,
    /// <summary>Greedy pick over the vocabulary logits (Rows = vocabulary).</summary>
    Argmax,
}

/// <summary>One operation of a decoder step; see <see cref="GptOpKind"/> for what Rows/Cols/Groups mean.</summary>
public readonly record struct GptOperation(GptOpKind Kind, string Name, int Rows, int Cols = 1, int Groups = 1);

/// <summary>The operations of a decoder step, in execution order (GPT-2's pre-LN block, Radford et al. 2019).</summary>
public static class GptOperations
{
    /// <summary>One transformer block attending over <paramref name="kvLength"/> cached tokens (including the new one).</summary>
    public static GptOperation[] Block(GptModel model, int kvLength)
    {
        ArgumentNullException.ThrowIfNull(model);
        int d = model.DModel;
        return
        [
            new(GptOpKind.LayerNorm, "ln_1", d),
            new(GptOpKind.Vmm, "qkv", 3 * d, d),
            new(GptOpKind.AttentionScores, "q_kT", kvLength, model.HeadDim, model.Heads),
            new(GptOpKind.Softmax, "softmax", kvLength, 1, model.Heads),
            new(GptOpKind.AttentionValues, "s_v", model.HeadDim, kvLength, model.Heads),
            new(GptOpKind.Vmm, "attn_proj", d, d),
            new(GptOpKind.ResidualAdd, "residual_1", d),
            new(GptOpKind.LayerNorm, "ln_2", d),
            new(GptOpKind.Vmm, "fc1", model.FfnDim, d),
            new(GptOpKind.Gelu, "gelu", model.FfnDim),
            new(GptOpKind.Vmm, "fc2", d, model.FfnDim),
            new(GptOpKind.ResidualAdd, "residual_2", d),
        ];
    }

    /// <summary>Work outside the blocks: the embedding before them, and (when a token is emitted) the final LayerNorm, LM head and argmax.</summary>
    public static GptOperation[] Outside(GptModel model, bool emitsToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        int d = model.DModel;
        if (!emitsToken) return [new(GptOpKind.Embedding, "embedding", d)];
        return
        [
            new(GptOpKind.Embedding, "embedding", d),
            new(GptOpKind.LayerNorm, "ln_f", d),
            new(GptOpKind.Vmm, "lm_head", model.Vocabulary, d),
            new(GptOpKind.Argmax, "argmax", model.Vocabulary),
        ];
    }
}
