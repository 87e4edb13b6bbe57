using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// BERT-base encoder GEMMs (Devlin et al. 2018: 12 layers, hidden d = 768, 12 heads of 64, FFN 3072) for one
/// sequence of s tokens, batch 1, in SCALE-Sim's GEMM convention: ifmap (activations) M x K, weights K x N,
/// output M x N (<see cref="Layer.Gemm"/>).
/// </summary>
/// <remarks>
/// Per encoder layer i, in execution order (30 GEMMs):
/// <list type="bullet">
/// <item><c>Li_Q</c>, <c>Li_K</c>, <c>Li_V</c>: M = s, N = 768, K = 768.</item>
/// <item>per head h = 0..11, <c>Li_Hh_Score</c> = Q_h K_h^T: M = s, N = s, K = 64; then
/// <c>Li_Hh_Context</c> = P_h V_h: M = s, N = 64, K = s. One GEMM per head (not one batched GEMM): each head
/// multiplies by its own K_h / V_h, so batching them along M would wrongly share one "weight" matrix.</item>
/// <item><c>Li_Out</c> (attention output projection): M = s, N = 768, K = 768.</item>
/// <item><c>Li_FFN_Up</c>: M = s, N = 3072, K = 768; <c>Li_FFN_Down</c>: M = s, N = 768, K = 3072.</item>
/// </list>
/// MACs per layer = 4*768*768*s + 2*768*3072*s + 2*12*64*s^2 = 7,077,888 s + 1,536 s^2
/// (s = 128: 931,135,488 per layer, 11,173,625,856 for 12 layers). Embedding look-ups, softmax, layer norms,
/// the pooler and any task head are not array GEMMs of the encoder and are omitted.
/// </remarks>
internal static class BertBase
{
    public const int DefaultSequenceLength = 128;
    public const int MaxSequenceLength = 512;      // BERT's learned position embeddings
    public const string SequenceLengthOption = "sequenceLength";

    private const int EncoderLayers = 12;
    private const int Hidden = 768;
    private const int Heads = 12;
    private const int HeadSize = Hidden / Heads;   // 64
    private const int FeedForward = 3072;

    public static readonly CatalogEntry Entry = new(
        "bert-base",
        ["bert", "bert_base", "bertbase", "bert-base-uncased"],
        "BERT-base encoder GEMMs for one sequence of s tokens: 12 layers x (Q, K, V, 12 per-head score and "
        + "context GEMMs, output projection, FFN up/down) = 360 GEMMs; M = s tokens, SCALE-Sim GEMM lowering; "
        + "11.17 G MACs at s = 128. Topology name is bert-base-s<s>.",
        "Devlin, Chang, Lee, Toutanova, \"BERT: Pre-training of Deep Bidirectional Transformers for Language "
        + "Understanding\", NAACL 2019 (arXiv:1810.04805); Vaswani et al., \"Attention Is All You Need\", 2017.",
        [new CatalogOption(SequenceLengthOption, "tokens per sequence (GEMM M of every layer)",
            DefaultSequenceLength, 1, MaxSequenceLength)]);

    public static Topology Build(int? sequenceLength)
    {
        int s = sequenceLength ?? DefaultSequenceLength;
        if (s is < 1 or > MaxSequenceLength)
            throw new InvalidConfigException(SequenceLengthOption, s, $"a whole number from 1 to {MaxSequenceLength} for {Entry.Name}");

        var layers = new List<Layer>(EncoderLayers * (5 + 2 * Heads));
        for (int i = 0; i < EncoderLayers; i++)
        {
            layers.Add(Layer.Gemm($"L{i}_Q", s, Hidden, Hidden));
            layers.Add(Layer.Gemm($"L{i}_K", s, Hidden, Hidden));
            layers.Add(Layer.Gemm($"L{i}_V", s, Hidden, Hidden));
            for (int h = 0; h < Heads; h++)
            {
                layers.Add(Layer.Gemm($"L{i}_H{h}_Score", s, s, HeadSize));
                layers.Add(Layer.Gemm($"L{i}_H{h}_Context", s, HeadSize, s));
            }
            layers.Add(Layer.Gemm($"L{i}_Out", s, Hidden, Hidden));
            layers.Add(Layer.Gemm($"L{i}_FFN_Up", s, FeedForward, Hidden));
            layers.Add(Layer.Gemm($"L{i}_FFN_Down", s, Hidden, FeedForward));
        }
        return CatalogLayers.Freeze($"{Entry.Name}-s{s}", layers);
    }
}
