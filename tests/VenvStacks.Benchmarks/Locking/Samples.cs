using System.Globalization;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>Repeated measurements of one quantity, in milliseconds.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Median
    {
        get
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _values.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    /// <summary>The nearest-rank percentile (0 &lt; <paramref name="fraction"/> ≤ 1).</summary>
    public double Percentile(double fraction)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"median (min)" with a precision that suits the size.</summary>
    public string MedianAndMin => $"{Format(Median)} ({Format(Min)})";

    public static string Format(double milliseconds) => milliseconds switch
    {
        double.NaN => "–",
        >= 10_000 => (milliseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        >= 100 => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        >= 10 => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
    };
}
