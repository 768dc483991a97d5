using Microsoft.EntityFrameworkCore;

namespace BugTrail.Storage.Database;

/// <summary>A context factory outside dependency injection (the CLI, tests).</summary>
public sealed class DbFactory(DbContextOptions<BugTrailDb> options) : IDbContextFactory<BugTrailDb>
{
    public BugTrailDb CreateDbContext() => new(options);

    public static DbFactory Sqlite(string file) => new(new DbContextOptionsBuilder<BugTrailDb>().UseSqlite($"Data Source={file}").Options);
}
