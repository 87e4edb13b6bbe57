using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// How one layer is tiled onto an R x C array (SCALE-Sim v2's fold model, reference README §5):
/// the GEMM (M x K)*(K x N) maps Sr onto rows, Sc onto columns and streams T in time; folds run
/// column-fold outer, row-fold inner, each filling and draining the array completely.
/// </summary>
internal sealed class FoldPlan
{
    public FoldPlan(SystolicConfig config, Layer layer)
    {
        Dataflow = config.Dataflow;
        R = config.ArrayRows;
        C = config.ArrayCols;
        M = layer.M;
        N = layer.N;
        K = layer.K;
        (Sr, Sc, T) = Dataflow switch
        {
            Dataflow.OutputStationary => (M, N, K),
            Dataflow.WeightStationary => (K, N, M),
            _ => (K, M, N),
        };
        RowFolds = (int)CeilDiv(Sr, R);
        ColFolds = (int)CeilDiv(Sc, C);
        // os: T + R + C - 2 demand rows per fold; ws/is add R cycles of stationary-operand load.
        CyclesPerFold = Dataflow == Dataflow.OutputStationary ? T + R + C - 2 : T + 2L * R + C - 2;
    }

    public Dataflow Dataflow { get; }
    public int R { get; }
    public int C { get; }
    public long M { get; }
    public long N { get; }
    public long K { get; }
    public long Sr { get; }
    public long Sc { get; }
    public long T { get; }
    public int RowFolds { get; }
    public int ColFolds { get; }
    public long Folds => (long)RowFolds * ColFolds;
    public long CyclesPerFold { get; }

    /// <summary>Demand lines L = F * cycles per fold; SCALE-Sim reports L - 1 as the stall-free cycle count.</summary>
    public long TotalLines => Folds * CyclesPerFold;

    public int RowsUsed(int rowFold) => (int)Math.Min(R, Sr - (long)rowFold * R);
    public int ColsUsed(int colFold) => (int)Math.Min(C, Sc - (long)colFold * C);

    public long Macs => M * N * K;

    /// <summary>Mean over folds of used PEs / all PEs; the sums factorise (README §5).</summary>
    public double MappingEffPct => 100.0 * Sr * Sc / ((double)RowFolds * R * ColFolds * C);

    /// <summary>SCALE-Sim's quirk: ws/is use a fold length of T + 2R + 2C - 3 here (README §7.3).</summary>
    public double ComputeUtilPct
    {
        get
        {
            double foldCyclesForUtil = Dataflow == Dataflow.OutputStationary ? T + R + C - 2 : T + 2.0 * R + 2.0 * C - 3;
            return MappingEffPct * T / foldCyclesForUtil;
        }
    }

    /// <summary>im2col elements streamed into the array, once per fold that uses them.</summary>
    public long IfmapSramReads => Dataflow == Dataflow.InputStationary ? M * K : ColFolds * M * K;

    public long FilterSramReads => Dataflow switch
    {
        Dataflow.OutputStationary => RowFolds * K * N,
        Dataflow.WeightStationary => K * N,
        _ => ColFolds * K * N,
    };

    /// <summary>os adds R + C per fold (SCALE-Sim quirk, README §7.2); ws/is rewrite partial sums per row fold.</summary>
    public long OfmapSramWrites => Dataflow == Dataflow.OutputStationary
        ? M * N + Folds * (R + C)
        : RowFolds * M * N;

    public static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
