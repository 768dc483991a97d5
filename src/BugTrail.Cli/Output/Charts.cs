using BugTrail.Core.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BugTrail.Cli.Output;

/// <summary>Small terminal charts for evidence marked as a chart: bars per row for the first numeric series.</summary>
public static class Charts
{
    public static IRenderable? For(Evidence e)
    {
        if (e.Chart == ChartKind.None || e.Columns.Count < 2) return null;
        var series = Enumerable.Range(1, e.Columns.Count - 1).FirstOrDefault(i => e.Rows.Any(r => r[i].Number is double d && double.IsFinite(d)));
        if (series == 0) return null;
        // Bars carry the first numeric series; the labels carry the values themselves (bars on a log scale are not values).
        var chart = new BarChart().Width(70).HideValues().Label($"[dim]{Markup.Escape(e.Columns[series])}{(e.LogScale ? " (log scale)" : "")}[/]");
        foreach (var row in e.Rows)
        {
            var label = $"{Markup.Escape(row[0].ToString())}  {Markup.Escape(row[series].ToString())}";
            if (row[series].Number is double v && double.IsFinite(v))
                chart.AddItem(label, e.LogScale ? Math.Max(0, Math.Log10(Math.Max(v, 1e-12)) - LogFloor(e, series)) : v, Color.SteelBlue1);
            else
                chart.AddItem(label, 0, Color.Red);
        }
        return chart;
    }

    private static double LogFloor(Evidence e, int series) =>
        Math.Floor(e.Rows.Select(r => r[series].Number).OfType<double>().Where(d => double.IsFinite(d) && d > 0).Select(Math.Log10).DefaultIfEmpty(0).Min()) - 1;
}
