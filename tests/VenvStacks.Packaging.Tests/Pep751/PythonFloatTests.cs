using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Packaging.Tests.Pep751;

/// <summary>Floats in tool tables are written as Python's <c>repr()</c> writes them (expected values from CPython 3.11).</summary>
public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456789.123, "123456789.123")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(-1e-7, "-1e-07")]
    [InlineData(12345678901234567890.0, "1.2345678901234567e+19")]
    [InlineData(100.0, "100.0")]
    [InlineData(2.5e-4, "0.00025")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    public void Doubles_format_like_python_repr(double value, string expected) =>
        PythonFloat.Repr(value).ShouldBe(expected);
}
