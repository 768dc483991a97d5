using System.Runtime.InteropServices;

namespace BugTrail.Web.Services;

/// <summary>
/// The data folder holds every interview, the accounts and the keys that sign cookies: readable by this user only. The
/// process creates its files with a private mask (SQLite's journal files and new keys included), and what is already
/// there is made private at start.
/// </summary>
public static class DataFolderPermissions
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Restrict(string dataFolder)
    {
        if (OperatingSystem.IsWindows()) return;
        _ = SetMask(0b000_111_111);   // 077: no access for group or others on anything created from now on
        foreach (var dir in Directory.EnumerateDirectories(dataFolder, "*", SearchOption.AllDirectories).Prepend(dataFolder))
            System.IO.File.SetUnixFileMode(dir, Folder);
        foreach (var file in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories))
            System.IO.File.SetUnixFileMode(file, File);
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetMask(uint mask);
}
