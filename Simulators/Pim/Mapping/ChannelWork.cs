namespace ArchGym.Simulators.Pim.Mapping;

/// <summary>
/// One input-buffer load of a channel and the work done under it: <see cref="Slices"/> input slices of
/// <see cref="SliceLength"/> elements, and the busiest unit's <see cref="SegmentsPerUnit"/> dot-product segments.
/// </summary>
internal readonly record struct Window(int Slices, int SliceLength, int SegmentsPerUnit);

/// <summary>The windows one channel walks, in order; <see cref="Channels"/> channels have exactly this work.</summary>
internal sealed record ChannelWork(Window[] Windows, bool PackedRows, int Channels);

/// <summary>Turns a <see cref="VmmPartition"/> into per-channel work, grouping channels with identical work.</summary>
internal static class WorkAssignment
{
    public static List<ChannelWork> Build(in VmmOp op, VmmPartition partition, PimGeometry geometry)
    {
        int channels = geometry.Channels, k = partition.Splits, perWindow = partition.SlicesPerWindow;
        int sliceLength = MappingPolicies.Ceil(op.Inputs, k);
        int slices = op.Groups * k;
        int windows = MappingPolicies.Ceil(slices, perWindow);
        var classes = new List<ChannelWork>(4);
        var scratch = new List<Window>(8);
        long total = (long)slices * op.Outputs, start = 0, perWindowSegments = (long)perWindow * op.Outputs;
        for (int c = 0; c < channels; c++)
        {
            scratch.Clear();
            if (partition.SpreadWindows)
            {
                // Segments in (window, output) order, dealt to channels in equal contiguous blocks: every channel gets
                // the same work (±1 segment) and loads only the windows its block touches.
                long end = total * (c + 1) / channels;
                while (start < end)
                {
                    int w = (int)(start / perWindowSegments);
                    long windowEnd = Math.Min(end, (w + 1) * perWindowSegments);
                    Add(scratch, Math.Min(perWindow, slices - w * perWindow), sliceLength, windowEnd - start, partition, geometry);
                    start = windowEnd;
                }
            }
            else
            {
                // Every channel walks every window for its share of the window's outputs.
                for (int w = 0; w < windows; w++)
                {
                    int windowSlices = Math.Min(perWindow, slices - w * perWindow);
                    long segments = (long)windowSlices * op.Outputs;
                    Add(scratch, windowSlices, sliceLength, segments / channels + (c < segments % channels ? 1 : 0), partition, geometry);
                }
            }
            Count(classes, scratch, partition.PackedRows);
        }
        return classes;
    }

    // Segments on the busiest unit of a channel holding `segments`.
    private static void Add(List<Window> list, int slices, int sliceLength, long segments, VmmPartition p, PimGeometry g)
    {
        if (segments <= 0) return;
        long units = g.UnitsPerChannel;
        long perUnit = p.BlockOutputs
            ? Math.Min(segments, g.Accumulators * ((segments + units * g.Accumulators - 1) / (units * g.Accumulators)))
            : (segments + units - 1) / units;
        list.Add(new Window(slices, sliceLength, (int)perUnit));
    }

    private static void Count(List<ChannelWork> classes, List<Window> windows, bool packed)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(windows);
        for (int i = 0; i < classes.Count; i++)
        {
            if (!span.SequenceEqual(classes[i].Windows)) continue;
            classes[i] = classes[i] with { Channels = classes[i].Channels + 1 };
            return;
        }
        classes.Add(new ChannelWork(span.ToArray(), packed, 1));
    }
}
