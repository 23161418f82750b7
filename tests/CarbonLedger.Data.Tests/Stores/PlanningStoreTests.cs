using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Planning;
using CarbonLedger.Testing;
using CarbonLedger.Testing.Databases;
using CarbonLedger.Units;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>Targets and transition plans on both engines (issue 5): the base-year value comes from the base-year
/// inventory, plans are immutable hashed versions with one approval on the latest, every write is in the audit
/// ledger, and one organization never sees another's plans or targets.</summary>
public sealed class PlanningStoreTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 3, 1, 9, 0), Duration.FromSeconds(1));

    // The small organization's 2024 inventory, worked by hand:
    // Scope 1: 1,000 L of a custom fuel at 2.5 kg CO2/L (CO2: GWP 1) = 1,000 × 2.5 / 1,000 = 2.5 t
    // Scope 2 location-based: 20,000 kWh × 0.474 kg/kWh (Taiwan grid 2024, shared/data/tw_electricity_emission_factors.csv) = 9.48 t
    // Scope 2 market-based: 5 RECs × 1,000 kWh cover 5,000 kWh at 0; the other 15,000 kWh take the grid factor (no residual
    // mix published for Taiwan, Scope 2 Guidance 6.11.2) = 15,000 × 0.474 / 1,000 = 7.11 t
    private const decimal Scope1 = 1_000m * 2.5m / 1_000m;
    private const decimal Scope2Market = (20_000m - (5m * 1_000m)) * 0.474m / 1_000m;

    /// <summary>An organization with one fuel source, one electricity meter and 5 RECs in 2024, and its FY2024 inventory.</summary>
    private static async Task<Guid> OrganizationWithInventoryAsync(TestDatabase db, string name)
    {
        var b = new InventoryBuilder(2024, organizationId: Guid.NewGuid());
        var fuel = b.AddFactor("test-fuel", UnitCatalog.Litre, (GreenhouseGas.CO2, 2.5m));
        b.Source("GEN", SourceType.StationaryCombustion, "test-fuel");
        b.Source("ELEC", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey);
        b.Activity("GEN", 1_000m, UnitCatalog.Litre);
        b.Activity("ELEC", 20_000m, UnitCatalog.KilowattHour);
        b.Recs("REC-2024", 5);
        var input = b.Build();
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        await store.CreateOrganizationAsync(new Organization(b.OrganizationId, name, ConsolidationApproach.OperationalControl, 2024));
        var applied = await store.ApplyAsync(b.OrganizationId, new ChangeSet
        {
            LegalEntities = [.. input.Boundary.Entities], Facilities = [.. input.Boundary.Facilities], Sources = input.Sources, Activities = input.Activities,
            Instruments = input.Instruments, CustomFactors = [fuel], Origin = "planning store test",
        }, "tester");
        applied.Succeeded.ShouldBeTrue(string.Join("; ", applied.Problems));
        await store.CreateInventoryAsync(b.OrganizationId, "FY2024", ReportingPeriod.Year(2024), "AR5", createdBy: "tester");
        return b.OrganizationId;
    }

    private static PlanningStore Store(CarbonLedgerDbContext ctx) => new(ctx, new InventoryStore(ctx, Clock), Clock);

    private static TargetDraft Sbti(int baseYear = 2024) =>
        new("SBTi 1.5 °C S1+2", TargetKind.Absolute, [Scope.Scope1, Scope.Scope2], baseYear, 2030, null, PathwayMethod.Contraction(ContractionRate.Sbti15C));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateTargetAsync_BaseYearInventory_TakesScope1PlusMarketBasedScope2FromIt(DatabaseProvider provider)
    {
        // Given the small organization's calculated 2024 inventory
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "目標測試 Targets Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);

        // When an SBTi 1.5 °C Scope 1+2 target on the market basis is created for 2024 → 2030
        var created = await store.CreateTargetAsync(orgId, Sbti(), "planner");

        // Then base-year emissions = 2.5 + 7.11 = 9.61 t; the reduction is the method's minimum 4.2 %/yr × 6 years = 25.2 %
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Problems));
        created.Value.Target.BaseYearEmissions.ShouldBe(Scope1 + Scope2Market);
        created.Value.Target.BaseYearEmissions.ShouldBe(9.61m);
        created.Value.Target.Reduction.ShouldBe(0.042m * 6);
        created.Value.BaseYearSource.ShouldContain("FY2024");
        var reloaded = await Store(db.CreateContext()).FindTargetAsync(orgId, created.Value.Id);
        reloaded!.Target.BaseYearEmissions.ShouldBe(9.61m);
        reloaded.Target.Method.Rate!.Code.ShouldBe("sbti-1.5c");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateTargetAsync_NoBaseYearInventory_ProblemNamesBaseYear(DatabaseProvider provider)
    {
        // Given an organization whose only inventory is 2024
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "No 2019 Co.");
        await using var ctx = db.CreateContext();

        // When a target with base year 2019 is created
        var created = await Store(ctx).CreateTargetAsync(orgId, Sbti(2019), "planner");

        // Then it is refused naming baseYear, and nothing is stored
        created.Succeeded.ShouldBeFalse();
        created.Problems.Select(p => p.Location.Field).ShouldBe(["baseYear"]);
        created.Problems[0].Message.ShouldContain("2019");
        (await Store(ctx).ListTargetsAsync(orgId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SavePlanAsync_VersionsAndApproval_OnlyLatestOnceAndLedgerVerifies(DatabaseProvider provider)
    {
        // Given the organization and the seed's sample plan
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "轉型計畫測試 Plan Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);
        var sample = TransitionPlanSample.Seed003();

        // When it is saved, saved again unchanged, then edited (an adoption date) and saved
        var v1 = await store.SavePlanAsync(orgId, null, sample, "planner", "first draft");
        var same = await store.SavePlanAsync(orgId, v1.Value.PlanId, sample, "planner");
        var v2 = await store.SavePlanAsync(orgId, v1.Value.PlanId, sample with { AdoptedOn = new LocalDate(2025, 2, 20) }, "planner");

        // Then versions 1 and 2 exist; the unchanged save returned version 1 and wrote nothing
        v1.Succeeded.ShouldBeTrue(string.Join("; ", v1.Problems));
        v1.Value.Version.ShouldBe(1);
        same.Value.Version.ShouldBe(1);
        v2.Value.Version.ShouldBe(2);
        v2.Value.ContentSha256.ShouldNotBe(v1.Value.ContentSha256);
        (await store.VersionsAsync(orgId, v1.Value.PlanId)).Select(v => v.Version).ShouldBe([1, 2]);

        // When version 1 (not the latest) is approved, then version 2, then version 2 again
        var approveOld = await store.ApprovePlanAsync(orgId, v1.Value.PlanId, 1, "董事會", new LocalDate(2025, 2, 27), "董事過半數出席，出席董事過半數同意", "chair");
        var approve = await store.ApprovePlanAsync(orgId, v1.Value.PlanId, 2, "董事會", new LocalDate(2025, 2, 27), "董事過半數出席，出席董事過半數同意", "chair");
        var again = await store.ApprovePlanAsync(orgId, v1.Value.PlanId, 2, "董事會", new LocalDate(2025, 2, 28), "再次核定", "chair");

        // Then version 1 is refused as not the latest, version 2 is recorded, and a second approval is refused
        approveOld.Succeeded.ShouldBeFalse();
        approveOld.Problems[0].Location.Field.ShouldBe("version");
        approveOld.Problems[0].Message.ShouldContain("latest version (2)");
        approve.Succeeded.ShouldBeTrue(string.Join("; ", approve.Problems));
        again.Succeeded.ShouldBeFalse();
        again.Problems[0].Message.ShouldContain("already approved");

        // And the approval reads back on the latest version: the sample leaves the approval date blank, so governance takes
        // the recorded date; its approving body and procedure are the sample's own text
        var loaded = await Store(db.CreateContext()).LoadPlanAsync(orgId, v1.Value.PlanId);
        loaded!.Version.ShouldBe(2);
        loaded.Approval!.ApprovingBody.ShouldBe("董事會");
        loaded.Approval.ApprovalDate.ShouldBe(new LocalDate(2025, 2, 27));
        loaded.Approval.RecordedBy.ShouldBe("chair");
        loaded.Plan.Governance!.ApprovalDate.ShouldBe(new LocalDate(2025, 2, 27));
        loaded.Plan.Governance.ApprovingBody.ShouldBe(sample.Governance!.ApprovingBody);
        (await store.LoadPlanAsync(orgId, v1.Value.PlanId, 1))!.Approval.ShouldBeNull();
        (await store.ListPlansAsync(orgId)).Single().ApprovedVersion.ShouldBe(2);

        // And the ledger holds create, save and approve for the plan, and the whole chain verifies
        var ledger = new LedgerStore(ctx, Clock);
        (await ledger.ListAsync(orgId, entityKind: "transition-plan")).Select(e => e.Action).ShouldBe(["create", "save", "approve"]);
        (await ledger.VerifyAsync(orgId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetYearDataAsync_RecsAndOffsets_InLedgerAndShownBesideProgress(DatabaseProvider provider)
    {
        // Given a target on the 2024 inventory
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "Year Data Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);
        var target = (await store.CreateTargetAsync(orgId, Sbti(), "planner")).Value;

        // When 2024's 5 RECs and 1.5 t of retired credits are recorded, and a year before the base year is attempted
        var set = await store.SetYearDataAsync(orgId, target.Id, new TargetYearData(2024, RecCertificates: 5, OffsetTonnes: 1.5m), "planner");
        var early = await store.SetYearDataAsync(orgId, target.Id, new TargetYearData(2020), "planner");
        var progress = await store.ProgressAsync(orgId, set.Value);

        // Then 2024's row: actual 9.61 t; before RECs 2.5 + 9.48 = 11.98 t (the RECs' effect 9.48 − 7.11 = 2.37 t shown apart);
        // offsets 1.5 t leave 9.61 − 1.5 = 8.11 t net but never lower the actual; 2020 is refused naming the year
        set.Succeeded.ShouldBeTrue(string.Join("; ", set.Problems));
        early.Problems.Select(p => p.Location.Field).ShouldBe(["year"]);
        var row = progress.Value.Rows.Single();
        row.Actual.ShouldBe(9.61m);
        row.RecEffect.ShouldBe(2.37m);
        row.ActualBeforeRecs.ShouldBe(11.98m);
        row.RecCertificates.ShouldBe(5);
        row.Offsets.ShouldBe(1.5m);
        row.NetAfterOffsets.ShouldBe(8.11m);
        var ledger = new LedgerStore(ctx, Clock);
        (await ledger.ListAsync(orgId, entityKind: "target")).Select(e => e.Action).ShouldBe(["create", "year-data"]);
        (await ledger.VerifyAsync(orgId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LoadPlanAsync_OtherOrganization_SeesNeitherPlanNorTarget(DatabaseProvider provider)
    {
        // Given organization A with a target and a plan, and organization B
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await OrganizationWithInventoryAsync(db, "A Co.");
        var b = await OrganizationWithInventoryAsync(db, "B Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);
        var target = (await store.CreateTargetAsync(a, Sbti(), "planner")).Value;
        var plan = (await store.SavePlanAsync(a, null, TransitionPlanSample.Demo(target.Id), "planner")).Value;

        // When B asks for A's plan and target by id, lists its own, and tries to write to them
        var loaded = await store.LoadPlanAsync(b, plan.PlanId);
        var found = await store.FindTargetAsync(b, target.Id);
        var saved = await store.SavePlanAsync(b, plan.PlanId, TransitionPlanSample.Seed003(), "intruder");
        var approved = await store.ApprovePlanAsync(b, plan.PlanId, 1, "董事會", new LocalDate(2025, 2, 27), "決議", "intruder");
        var yearData = await store.SetYearDataAsync(b, target.Id, new TargetYearData(2025, RecCertificates: 1), "intruder");

        // Then B sees nothing and every write is a problem naming the id it does not have
        loaded.ShouldBeNull();
        found.ShouldBeNull();
        (await store.VersionsAsync(b, plan.PlanId)).ShouldBeEmpty();
        (await store.ListPlansAsync(b)).ShouldBeEmpty();
        (await store.ListTargetsAsync(b)).ShouldBeEmpty();
        saved.Problems.Select(p => p.Location.Field).ShouldBe(["planId"]);
        approved.Problems.Select(p => p.Location.Field).ShouldBe(["version"]);
        yearData.Problems.Select(p => p.Location.Field).ShouldBe(["targetId"]);
        (await store.LoadPlanAsync(a, plan.PlanId))!.Approval.ShouldBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CriteriaAsync_RecordedStructuralChanges_RecalculationJudgedAgainstTheTargetsBaseYear(DatabaseProvider provider)
    {
        // Given the 2024 target (base 9.61 t, set in 2025 by the fake clock) and structural changes recorded after 2024:
        // an acquisition adding 0.3 t and a divestment removing 0.2 t (absolute values count: 0.5 t), plus organic growth
        // of 5 t, which never counts (GHG Protocol ch. 5)
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "重新計算 Recalc Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);
        var target = (await store.CreateTargetAsync(orgId, Sbti(), "planner")).Value;
        var baseYear = new BaseYearStore(ctx, Clock);
        (await baseYear.AddStructuralChangeAsync(orgId, new StructuralChange("bought site C", StructuralChangeKind.Acquisition, 0.3m, 2025), "planner")).Succeeded.ShouldBeTrue();
        (await baseYear.AddStructuralChangeAsync(orgId, new StructuralChange("sold site D", StructuralChangeKind.Divestment, -0.2m, 2025), "planner")).Succeeded.ShouldBeTrue();
        (await baseYear.AddStructuralChangeAsync(orgId, new StructuralChange("grew", StructuralChangeKind.OrganicGrowth, 5m, 2025), "planner")).Succeeded.ShouldBeTrue();

        // When the criteria are checked with the default submission year
        var criteria = await store.CriteriaAsync(orgId, target);

        // Then 0.5 / 9.61 = 5.20 % ≥ 5 %: recalculate; the horizon runs from the year the target was set (2025):
        // 2030 − 2025 = 5 years, inside 5-10; reviewed in 2025, 0 years ago; no Scope 3 in the inventory → unknown
        var recalculation = criteria.Single(c => c.Code == "recalculation");
        recalculation.Passed.ShouldBe(false);
        recalculation.Message.ShouldContain("5.2 %");
        criteria.Single(c => c.Code == "horizon").Passed.ShouldBe(true);
        criteria.Single(c => c.Code == "review").Passed.ShouldBe(true);
        criteria.Single(c => c.Code == "scope3").Passed.ShouldBeNull();
        (await store.CriteriaAsync(orgId, target, submissionYear: 2026)).Single(c => c.Code == "horizon").Passed.ShouldBe(false);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SaveApproveCreate_TextLongerThanItsColumn_ProblemNamesTheFieldAndNothingIsStored(DatabaseProvider provider)
    {
        // Given the organization, a plan saved once, and texts one character over their columns (PlanningConfigurations:
        // target name 200, plan title 300, version note 1,000, approving body 300, resolution 2,000)
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "長度 Length Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);
        var plan = (await store.SavePlanAsync(orgId, null, TransitionPlanSample.Seed003(), "planner")).Value;

        // When a target, a plan version and an approval are attempted with them
        var target = await store.CreateTargetAsync(orgId, Sbti() with { Name = new string('目', 201) }, "planner");
        var saved = await store.SavePlanAsync(orgId, null, TransitionPlanSample.Seed003() with { Title = new string('轉', 301) }, "planner", new string('n', 1001));
        var approved = await store.ApprovePlanAsync(orgId, plan.PlanId, 1, new string('董', 301), new LocalDate(2025, 2, 27), new string('決', 2001), "chair");

        // Then each is a problem naming its fields (not a database error), and nothing new is stored
        target.Problems.Select(p => p.Location.Field).ShouldBe(["name"]);
        target.Problems[0].Message.ShouldContain("at most 200 characters");
        saved.Problems.Select(p => p.Location.Field).ShouldBe(["title", "note"]);
        approved.Problems.Select(p => p.Location.Field).ShouldBe(["approvingBody", "resolution"]);
        (await store.ListTargetsAsync(orgId)).ShouldBeEmpty();
        (await store.ListPlansAsync(orgId)).Single().ApprovedVersion.ShouldBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetYearDataAsync_IntensityBaseYearWithAnotherDenominator_RefusedSoTheBaseYearStaysOnItsPathway(DatabaseProvider provider)
    {
        // Given an intensity target on the 2024 inventory per NTD million of revenue, base-year revenue 100
        // (base value 9.61 / 100 = 0.0961 tCO2e per NTD million)
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationWithInventoryAsync(db, "強度目標 Intensity Co.");
        await using var ctx = db.CreateContext();
        var store = Store(ctx);
        var target = (await store.CreateTargetAsync(orgId, new TargetDraft("Intensity S1+2", TargetKind.Intensity, [Scope.Scope1, Scope.Scope2], 2024, 2030, 0.3m,
            PathwayMethod.Linear, DenominatorName: "revenue", DenominatorUnit: "NTD million", DenominatorBaseAmount: 100m), "planner")).Value;

        // When the base year's revenue is "corrected" to 120 through the year data, and the same 100 is recorded
        var changed = await store.SetYearDataAsync(orgId, target.Id, new TargetYearData(2024, DenominatorAmount: 120m), "planner");
        var same = await store.SetYearDataAsync(orgId, target.Id, new TargetYearData(2024, DenominatorAmount: 100m), "planner");

        // Then the change is refused on denominatorAmount (the base value would no longer be the base year's), the same
        // amount is accepted, and the base year's progress row is 9.61 / 100 = 0.0961, on its own pathway (gap 0)
        changed.Succeeded.ShouldBeFalse();
        changed.Problems.ShouldHaveSingleItem().Location.Field.ShouldBe("denominatorAmount");
        same.Succeeded.ShouldBeTrue();
        var row = (await store.ProgressAsync(orgId, same.Value)).Value.Rows.Single(r => r.Year == 2024);
        row.Actual.ShouldBe(0.0961m);
        row.Gap.ShouldBe(0m);
    }
}
