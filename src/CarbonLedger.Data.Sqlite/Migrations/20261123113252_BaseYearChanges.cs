using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarbonLedger.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BaseYearChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "structural_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BaseYearImpactTonnes = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_structural_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_structural_changes_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_structural_changes_OrganizationId_Year",
                table: "structural_changes",
                columns: new[] { "OrganizationId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "structural_changes");
        }
    }
}
