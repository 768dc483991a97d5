using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BugTrail.Storage.DatabaseMigrations
{
    /// <inheritdoc />
    public partial class PendingStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingStart",
                table: "interviews",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingStart",
                table: "interviews");
        }
    }
}
