using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarbonLedger.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TransitionPlanning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Scope2Basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BaseYear = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseYearEmissions = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    BaseYearSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TargetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Reduction = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    MethodJson = table.Column<string>(type: "TEXT", nullable: false),
                    DenominatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DenominatorUnit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DenominatorBaseAmount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: true),
                    Coverage = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    YearDataJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_targets_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transition_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transition_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transition_plans_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transition_plan_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovingBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transition_plan_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transition_plan_versions_transition_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "transition_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_targets_OrganizationId_Name",
                table: "targets",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transition_plan_versions_OrganizationId",
                table: "transition_plan_versions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_transition_plan_versions_PlanId_Version",
                table: "transition_plan_versions",
                columns: new[] { "PlanId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transition_plans_OrganizationId",
                table: "transition_plans",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "transition_plan_versions");

            migrationBuilder.DropTable(
                name: "transition_plans");
        }
    }
}
