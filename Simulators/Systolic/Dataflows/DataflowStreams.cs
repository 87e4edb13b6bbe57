namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// The three operand streams of a layer under a dataflow (SCALE-Sim's demand matrices):
/// os streams ifmap rows and filter columns, both skewed; ws pins the filter (block preload)
/// and streams the ifmap; is pins the ifmap (block preload, C wide) and streams the filter (R wide).
/// </summary>
internal sealed record DataflowStreams(ReadStream Ifmap, ReadStream Filter, WriteStream Ofmap)
{
    public static DataflowStreams For(FoldPlan plan)
    {
        long lines = plan.CyclesPerFold;
        var ofmap = new WriteStream(plan);
        return plan.Dataflow switch
        {
            Dataflow.OutputStationary => new(
                ReadStream.Skewed(plan.R, plan.M, portBlockIsRowFold: true, plan.K, 0, lines, IfmapAxes.FixedIsM),
                ReadStream.Skewed(plan.C, plan.N, portBlockIsRowFold: false, plan.K, 0, lines, IfmapAxes.None),
                ofmap),
            Dataflow.WeightStationary => new(
                ReadStream.Skewed(plan.R, plan.K, portBlockIsRowFold: true, plan.M, plan.R, lines, IfmapAxes.FixedIsK),
                ReadStream.Block(plan.C, plan.N, plan.K, plan.R, lines, IfmapAxes.None),
                ofmap),
            _ => new(
                ReadStream.Block(plan.C, plan.M, plan.K, plan.R, lines, IfmapAxes.RowIsK),
                ReadStream.Skewed(plan.R, plan.K, portBlockIsRowFold: true, plan.N, plan.R, lines, IfmapAxes.None),
                ofmap),
        };
    }
}
