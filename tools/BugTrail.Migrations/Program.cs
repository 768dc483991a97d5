using BugTrail.Storage.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args is not [var name])
{
    Console.Error.WriteLine("usage: dotnet run --project tools/BugTrail.Migrations -- MIGRATION_NAME");
    return 2;
}
var project = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "BugTrail.Storage"));
using var db = new BugTrailDb(new DbContextOptionsBuilder<BugTrailDb>().UseSqlite("Data Source=:memory:").Options);
var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
// The provider's design-time services, as dotnet-ef finds them through the provider's DesignTimeProviderServices attribute.
#pragma warning disable EF1001
new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "BugTrail.Storage", "Database/Migrations", "C#");
var files = scaffolder.Save(project, migration, Path.Combine(project, "Database", "Migrations"));

// One migration serves SQLite and PostgreSQL: drop the SQLite column types, so each provider maps the CLR
// type itself, and give PostgreSQL its identity columns where SQLite has autoincrement.
var code = File.ReadAllText(files.MigrationFile!);
code = System.Text.RegularExpressions.Regex.Replace(code, @"type: ""[A-Z]+"",\s*", "");
code = code.Replace(
    ".Annotation(\"Sqlite:Autoincrement\", true)",
    ".Annotation(\"Sqlite:Autoincrement\", true)\n                        .Annotation(\"Npgsql:ValueGenerationStrategy\", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)",
    StringComparison.Ordinal);
File.WriteAllText(files.MigrationFile!, code);
// The migration's target model (Designer) and the snapshot name SQLite's column types too, and the SQL generator
// reads them; without them each provider picks its own type for the CLR type.
foreach (var file in new[] { files.MetadataFile!, files.SnapshotFile! })
    File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), @"\s*\.HasColumnType\(""[A-Z]+""\)", ""));
Console.WriteLine($"{files.MigrationFile}\n{files.MetadataFile}\n{files.SnapshotFile}");
return 0;
