using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BugTrail.Storage.DatabaseMigrations
{
    /// <inheritdoc />
    public partial class SessionSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CreatedTicks",
                table: "interviews",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "interviews",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "MinutesToSolve",
                table: "interviews",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Overall",
                table: "interviews",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recommendation",
                table: "interviews",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scenarios",
                table: "interviews",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SummaryVersion",
                table: "interviews",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_interviews_CreatedTicks",
                table: "interviews",
                column: "CreatedTicks");

            migrationBuilder.CreateIndex(
                name: "IX_interviews_Kind_Ended_Level_Scenarios",
                table: "interviews",
                columns: new[] { "Kind", "Ended", "Level", "Scenarios" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_interviews_CreatedTicks",
                table: "interviews");

            migrationBuilder.DropIndex(
                name: "IX_interviews_Kind_Ended_Level_Scenarios",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "CreatedTicks",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "MinutesToSolve",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "Overall",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "Recommendation",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "Scenarios",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "SummaryVersion",
                table: "interviews");
        }
    }
}
