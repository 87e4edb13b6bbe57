using NUnit.Framework;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// The bounds behind CALC's shortcut folds, against walking the demand: no read of a fold has a
/// reader demanded later than <see cref="ReaderReach.Latest"/> or closer than <see cref="ReaderReach.NearestGap"/>.
/// </summary>
[TestFixture]
public class ReaderReachTests
{
    [Test]
    public void BoundsHoldForEveryFold()
    {
        var random = new Random(21);
        int checkedFolds = 0;
        Assert.Multiple(() =>
        {
            for (int trial = 0; trial < 120; trial++)
            {
                int fh = random.Next(2, 5), fw = random.Next(2, 5);
                var layer = new Layer("c", random.Next(fh + 2, 16), random.Next(fw + 2, 16), fh, fw, random.Next(1, 5), random.Next(1, 12),
                    random.Next(1, 3), random.Next(1, 3));
                var addresses = Im2colAddresses.ForLayer(layer);
                if (addresses is null) continue;
                var config = new SystolicConfig(random.Next(1, 9), random.Next(1, 9),
                    random.Next(2) == 0 ? Dataflow.OutputStationary : Dataflow.WeightStationary, 1, 1, 1);
                var plan = new FoldPlan(config, layer);
                var stream = DataflowStreams.For(plan).Ifmap;
                var positions = new SkewedPositions(stream);
                var reach = new ReaderReach(new PixelShifts(layer), stream, positions);
                var lastSeen = new Dictionary<int, long>();
                long position = 0;
                for (int fc = 0; fc < plan.ColFolds; fc++)
                for (int pb = 0; pb < plan.RowFolds; pb++)
                {
                    long latest = long.MinValue, nearest = long.MaxValue, passStart = positions.FoldStart(fc, 0);
                    for (long line = 0; line < plan.CyclesPerFold; line++)
                    {
                        var (first, count) = stream.ValidPorts(fc, pb, line);
                        for (int p = first; p < first + count; p++, position++)
                        {
                            var (a, b) = stream.Coordinates(fc, pb, line, p);
                            int address = addresses.Address(stream.Axes, a, b);
                            if (lastSeen.TryGetValue(address, out long before))
                            {
                                latest = Math.Max(latest, before - passStart);
                                nearest = Math.Min(nearest, position - before);
                            }

                            lastSeen[address] = position;
                        }
                    }

                    string where = $"trial {trial} fold ({fc}, {pb})";
                    if (latest != long.MinValue) Assert.That(reach.Latest(fc, pb), Is.GreaterThanOrEqualTo(latest), where);
                    if (nearest != long.MaxValue) Assert.That(reach.NearestGap(fc, pb), Is.LessThanOrEqualTo(nearest), where);
                    checkedFolds++;
                }
            }
        });
        Assert.That(checkedFolds, Is.GreaterThan(200));
    }
}
