using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarbonLedger.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Scope2Basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BaseYear = table.Column<int>(type: "integer", nullable: false),
                    BaseYearEmissions = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    BaseYearSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TargetYear = table.Column<int>(type: "integer", nullable: false),
                    Reduction = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    MethodJson = table.Column<string>(type: "text", nullable: false),
                    DenominatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DenominatorUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DenominatorBaseAmount = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: true),
                    Coverage = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    YearDataJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SavedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovingBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
