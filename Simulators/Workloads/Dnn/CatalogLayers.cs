namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// Builders that turn a framework-style layer (square input, padding) into SCALE-Sim's padding-free
/// <see cref="Layer"/>: the padding is folded into the ifmap, so the ofmap size is the framework's.
/// </summary>
internal static class CatalogLayers
{
    /// <summary>
    /// A square k x k convolution of a size x size input padded by <paramref name="pad"/> on every side.
    /// The ifmap is the extent the framework's windows touch, <c>(out - 1) * stride + kernel</c> with
    /// <c>out = floor((size + 2 pad - k) / stride) + 1</c>, so SCALE-Sim's ceil-based ofmap size equals
    /// the framework's (a padded size that stride does not divide would give SCALE-Sim one extra row).
    /// </summary>
    public static Layer Conv(string name, int size, int kernel, int channels, int filters, int stride, int pad)
    {
        var outSize = (size + 2 * pad - kernel) / stride + 1;
        var touched = (outSize - 1) * stride + kernel;
        return new Layer(name, touched, touched, kernel, kernel, channels, filters, stride, stride);
    }

    /// <summary>
    /// A fully connected layer as SCALE-Sim's own CNN topologies write it: a 1 x 1 convolution of a 1 x 1
    /// ifmap with <paramref name="inFeatures"/> channels (GEMM M = 1, N = out, K = in).
    /// </summary>
    public static Layer FullyConnected(string name, int inFeatures, int outFeatures) =>
        new(name, 1, 1, 1, 1, inFeatures, outFeatures, 1, 1);

    /// <summary>Wraps the built layers so callers cannot change them.</summary>
    public static Topology Freeze(string name, List<Layer> layers) => new(name, layers.AsReadOnly());
}
