using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BugTrail.Storage.Database;

/// <summary>The database: accounts, interviews and their event logs. SQLite by default, PostgreSQL by configuration.</summary>
public sealed class BugTrailDb(DbContextOptions<BugTrailDb> options) : IdentityDbContext<InterviewerAccount>(options)
{
    public DbSet<InterviewRecord> Interviews => Set<InterviewRecord>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<InterviewRecord>(e =>
        {
            e.ToTable("interviews");
            e.HasKey(i => i.Id);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.CandidateName).HasMaxLength(200);
            e.Property(i => i.CandidateTokenHash).HasMaxLength(64);
            e.HasIndex(i => i.CandidateTokenHash).IsUnique();
            e.Property(i => i.EventCount).IsConcurrencyToken();
            e.HasIndex(i => i.CreatedAt);
            e.HasIndex(i => i.CreatedTicks);
            e.Property(i => i.Level).HasMaxLength(16);
            e.Property(i => i.Scenarios).HasMaxLength(400);
            e.Property(i => i.Recommendation).HasMaxLength(24);
            e.HasIndex(i => new { i.Kind, i.Ended, i.Level, i.Scenarios });
        });
        builder.Entity<EventRecord>(e =>
        {
            e.ToTable("session_events");
            e.HasKey(x => new { x.InterviewId, x.Sequence });
            e.Property(x => x.Type).HasMaxLength(32);
            e.HasOne<InterviewRecord>().WithMany().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
