using BugTrail.Web.Components.Room;

namespace BugTrail.Web.Tests;

/// <summary>Axis numbers read as people write them, and fit the chart's margin.</summary>
public class ChartLabelTests
{
    [Theory]
    [InlineData(61900, "61.9k")]
    [InlineData(63095.7, "63.1k")]
    [InlineData(3.4e38, "3.4e38")]
    [InlineData(0.0015, "0.0015")]
    [InlineData(2.5e-5, "2.5e-5")]
    [InlineData(1461, "1461")]
    [InlineData(12.8, "12.8")]
    [InlineData(0, "0")]
    public void Axis_numbers_are_short_and_plain(double value, string label)
    {
        var text = EvidenceChart.Human(value);
        Assert.True(text.Length <= 7, text);
        Assert.Equal(label, text);
        Assert.DoesNotContain("E+", text, StringComparison.Ordinal);
    }
}
