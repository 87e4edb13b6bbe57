using static ArchGym.Simulators.Workloads.Dnn.CatalogLayers;

namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// MobileNetV2 (Sandler et al. 2018, Table 2), 224 x 224, width multiplier 1.0, padding folded into the ifmaps.
/// </summary>
/// <remarks>
/// <para>Layers: <c>Conv1</c> 3x3/2 32 (pad 1); 17 inverted-residual blocks <c>B1..B17</c> from the (t, c, n, s)
/// table, each an expansion 1x1 (<c>Bi_Expand</c>, absent when t = 1), a depthwise 3x3 (pad 1, stride s on
/// the first block of a row) and a projection 1x1 (<c>Bi_Project</c>); <c>Conv2</c> 1x1 1280; <c>FC</c>
/// 1280 -> 1000 as a 1x1 convolution. The average pool is omitted.</para>
/// <para>Depthwise: SCALE-Sim has no grouped convolution; a row whose name contains <c>DP</c> is expanded into
/// one layer per channel, named <c>&lt;row&gt;Channel_&lt;i&gt;</c>. The catalog emits exactly those
/// expanded layers: for a depthwise convolution over C channels, C layers <c>Bi_DPChannel_0..C-1</c>, each
/// 1 channel and 1 filter (K = 9, N = 1). This is faithful (each channel's 3x3 window over its own plane, one
/// after another, as SCALE-Sim runs it) and cheap: every layer of a run is the same shape, so a simulator
/// can evaluate one and reuse it (the names differ, the shapes do not). 7136 depthwise layers, 7172 in all,
/// 300.8 M MACs.</para>
/// </remarks>
internal static class MobileNetV2
{
    public static readonly CatalogEntry Entry = new(
        "mobilenetv2",
        ["mobilenet-v2", "mobilenet_v2", "mobilenetv2-1.0"],
        "MobileNetV2 1.0, 224x224, padding folded into ifmaps: conv 3x3/2 32, 17 inverted residual blocks "
        + "(expand 1x1, depthwise 3x3, project 1x1), conv 1x1 1280, FC 1000; each depthwise conv is emitted as "
        + "SCALE-Sim expands a DP layer: one 1-channel 1-filter layer per channel (Bi_DPChannel_j); "
        + "7172 layers, 300.8 M MACs.",
        "Sandler, Howard, Zhu, Zhmoginov, Chen, \"MobileNetV2: Inverted Residuals and Linear Bottlenecks\", "
        + "CVPR 2018, Table 2.",
        []);

    // Table 2: expansion t, output channels c, repeats n, first stride s.
    private static readonly (int T, int C, int N, int S)[] Bottlenecks =
        [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)];

    public static Topology Build()
    {
        var layers = new List<Layer> { Conv("Conv1", 224, 3, 3, 32, 2, 1) };   // -> 112
        int size = 112;
        int channels = 32;
        int block = 0;
        foreach (var (t, c, n, s) in Bottlenecks)
        {
            for (int repeat = 0; repeat < n; repeat++)
            {
                block++;
                int stride = repeat == 0 ? s : 1;
                int hidden = channels * t;
                int outSize = (size - 1) / stride + 1;                       // 3x3 pad 1
                if (t != 1)
                    layers.Add(Conv($"B{block}_Expand", size, 1, channels, hidden, 1, 0));
                for (int channel = 0; channel < hidden; channel++)
                    layers.Add(Conv($"B{block}_DPChannel_{channel}", size, 3, 1, 1, stride, 1));
                layers.Add(Conv($"B{block}_Project", outSize, 1, hidden, c, 1, 0));
                size = outSize;
                channels = c;
            }
        }
        layers.Add(Conv("Conv2", size, 1, channels, 1280, 1, 0));
        layers.Add(FullyConnected("FC", 1280, 1000));
        return Freeze(Entry.Name, layers);
    }
}
