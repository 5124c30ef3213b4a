using System.Globalization;

namespace VenvStacks.Packaging.Pep751;

/// <summary>Formats doubles exactly like Python's <c>repr(float)</c>, which is how tomlkit writes TOML floats.</summary>
internal static class PythonFloat
{
    /// <summary>The shortest round-trip digits, in fixed notation when the decimal exponent is in [-4, 16), else
    /// <c>d.ddde+XX</c>; <c>inf</c>, <c>-inf</c> and <c>nan</c> for the special values.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "R" gives the shortest round-trip digits; take them apart into a digit string and a decimal point position.
        var (digits, pointPosition) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var sign = value < 0 ? "-" : string.Empty;

        if (pointPosition is > -4 and <= 16)
        {
            if (pointPosition <= 0)
            {
                return sign + "0." + new string('0', -pointPosition) + digits;
            }

            if (pointPosition >= digits.Length)
            {
                return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
            }

            return sign + digits[..pointPosition] + "." + digits[pointPosition..];
        }

        var exponent = pointPosition - 1;
        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
    }

    // Returns the significant digits (no leading or trailing zeros) and the position of the decimal point relative
    // to the first digit (value = 0.DIGITS x 10^pointPosition).
    private static (string Digits, int PointPosition) Decompose(string shortest)
    {
        var exponentIndex = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex < 0 ? shortest : shortest[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(shortest.AsSpan(exponentIndex + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = integerPart + fraction;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits.Length == 0 ? "0" : digits, integerPart.Length + exponent - leadingZeros);
    }
}
