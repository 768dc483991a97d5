using BugTrail.Core.Sessions;

namespace BugTrail.Storage.Sessions;

/// <summary>A session kept in a file: written whole after every event, atomically, so a crash loses nothing already said.</summary>
public static class SessionFile
{
    public static void Save(string path, IReadOnlyList<SessionEvent> log)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, SessionCodec.Serialize(log));
        File.Move(temp, path, overwrite: true);
    }

    public static IReadOnlyList<SessionEvent> Load(string path) => SessionCodec.Deserialize(File.ReadAllText(path));
}
