namespace BugTrail.Core.Tests;

/// <summary>Finds files of the source checkout the tests run from (the shipped bank, docs).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BugTrail.slnx"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the BugTrail checkout");
    }
}
