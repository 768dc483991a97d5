using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BugTrail.Storage.Database;

public static class DatabaseOptions
{
    /// <summary>
    /// PostgreSQL with the migrations scaffolded for SQLite: they carry no column types, so each provider maps
    /// them itself. The model snapshot is SQLite's, so PostgreSQL would report "pending changes" that are only
    /// provider annotations; the check stays on for SQLite, where a forgotten migration is caught.
    /// </summary>
    public static DbContextOptionsBuilder UseBugTrailPostgres(this DbContextOptionsBuilder options, string connection) =>
        options.UseNpgsql(connection).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public static DbContextOptionsBuilder<BugTrailDb> UseBugTrailPostgres(this DbContextOptionsBuilder<BugTrailDb> options, string connection) =>
        (DbContextOptionsBuilder<BugTrailDb>)((DbContextOptionsBuilder)options).UseBugTrailPostgres(connection);
}
