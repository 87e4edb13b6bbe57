namespace ArchGym.Simulators.Workloads.Gpt;

/// <summary>
/// A decoder-only GPT model's public hyper-parameters (GPT-2: Radford et al. 2019; GPT-3: Brown et al. 2020,
/// table 2.1). Feed-forward width is 4·d_model and the vocabulary 50257 tokens for every model here.
/// </summary>
/// <param name="Name">Catalog name, e.g. <c>gpt2-small</c>.</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="DModel">Residual-stream width d_model.</param>
/// <param name="Heads">Attention heads.</param>
/// <param name="ContextLength">Largest supported sequence length (GPT-2: 1024, GPT-3: 2048).</param>
/// <param name="Vocabulary">Token vocabulary (50257, BPE).</param>
public sealed record GptModel(string Name, int Layers, int DModel, int Heads, int ContextLength, int Vocabulary = 50257)
{
    /// <summary>Feed-forward hidden width (4·d_model).</summary>
    public int FfnDim => 4 * DModel;

    /// <summary>
    /// Width of one head, d_model / heads rounded up. GPT3-XL's 2048/24 is not whole; rounding up keeps the
    /// per-head segments whole at a cost of under 1% extra attention work.
    /// </summary>
    public int HeadDim => (DModel + Heads - 1) / Heads;

    /// <summary>Weights of one block: QKV (d×3d), projection (d×d), FC1 (d×4d), FC2 (4d×d); biases and LayerNorm gains are ignored.</summary>
    public long BlockWeights => 12L * DModel * DModel;

    /// <summary>Token-embedding table (also the tied LM head) plus the positional table.</summary>
    public long EmbeddingWeights => (long)Vocabulary * DModel + (long)ContextLength * DModel;

    /// <summary>All weights: blocks plus embeddings.</summary>
    public long Parameters => Layers * BlockWeights + EmbeddingWeights;
}
