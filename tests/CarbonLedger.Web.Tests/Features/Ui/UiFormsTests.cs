using System.Net;
using System.Security.Cryptography;
using System.Text;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CarbonLedger.Web.Tests.Features.Ui;

/// <summary>What the activities, factors, facilities and sources pages write (issue 3 item 1), through the same code the
/// pages call (<see cref="EvidenceStore"/>, <see cref="InventoryForms"/>, <see cref="InventoryStore.ApplyAsync"/>) on the
/// real app's services and database. Writes go to organization B (its 2024 inventory is a draft).</summary>
public sealed class UiFormsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly Guid OrgB = WebAppFixture.OrgBId;
    private static readonly Guid EntityB = DeterministicGuid.For(OrgB, "entity", "B Ltd");
    private static readonly Guid FacilityBHq = DeterministicGuid.For(OrgB, "facility", "B-HQ");
    private static readonly Guid SourceBElec = DeterministicGuid.For(OrgB, "source", "B-ELEC");

    // When the rows were entered: a fixed stamp (only recorded, never computed with).
    private static readonly Instant EnteredAt = Instant.FromUtc(2024, 6, 3, 1, 0);

    private static MemberContext Member(OrganizationRole role, IReadOnlySet<Guid>? scope = null) =>
        new("user-" + role, $"b-{role.ToString().ToLowerInvariant()}@test", "B member", OrgB, "Organization B (test)", role, scope, IsDemoUser: false, IsApiToken: false);

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<OrganizationSnapshot> SnapshotAsync() => WithAsync(async sp => (await sp.GetRequiredService<InventoryStore>().LoadAsync(OrgB))!);

    private Task<int> LedgerCountAsync(string kind, string entityId) => WithAsync(sp =>
        sp.GetRequiredService<CarbonLedgerDbContext>().LedgerEntries.CountAsync(e => e.OrganizationId == OrgB && e.EntityKind == kind && e.EntityId == entityId));

    private static HashSet<string?> Fields(IEnumerable<Problem> problems) => problems.Select(p => p.Location.Field).ToHashSet();

    // ---- evidence ----

    [Fact]
    public async Task EvidenceUpload_ThroughStore_OtherOrganizationCannotDownload()
    {
        // Given a meter photo uploaded for organization B through the store (as the activities page does);
        // its SHA-256 and reference ("sha256:" + first 12 hex digits) are computed here independently
        var bytes = Encoding.UTF8.GetBytes("B 電表照片 2024-05 meter 0042");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var upload = await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "meter-2024-05.jpg", "image/jpeg", bytes, "b-admin@test"));
        upload.Succeeded.ShouldBeTrue(string.Join("; ", upload.Problems));
        var id = upload.Value.File.Id;
        using var owner = app.Client(WebAppFixture.OrgBAdminToken);
        using var demo = app.Client(WebAppFixture.DemoAdminToken);

        // When its owner and the demo organization's administrator download it (through B's route and their own)
        using var own = await owner.GetAsync($"/api/v1/organizations/{OrgB}/evidence/{id}");
        using var foreignRoute = await demo.GetAsync($"/api/v1/organizations/{OrgB}/evidence/{id}");
        using var ownRoute = await demo.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/evidence/{id}");
        var foreignStore = await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().FindAsync(WebAppFixture.DemoOrgId, id));

        // Then the owner gets the same bytes; the other organization gets 404 both ways, and the store finds nothing for it
        upload.Value.IsNew.ShouldBeTrue();
        upload.Value.File.Sha256.ShouldBe(sha);
        upload.Value.File.Reference.ShouldBe("sha256:" + sha[..12]);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        foreignRoute.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ownRoute.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignStore.ShouldBeNull();
    }

    [Fact]
    public async Task EvidenceUpload_SameBytesTwice_StoredOnceWithOneLedgerEntry()
    {
        // Given the same bytes uploaded under two names
        var bytes = Encoding.UTF8.GetBytes("B invoice INV-2024-0917 台電");

        // When
        var first = await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "inv.pdf", "application/pdf", bytes, "b-admin@test"));
        var second = await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "copy of inv.pdf", "application/pdf", bytes, "b-admin@test"));

        // Then the second returns the first file, and the ledger holds one "evidence" entry for it
        second.Value.IsNew.ShouldBeFalse();
        second.Value.File.Id.ShouldBe(first.Value.File.Id);
        second.Value.File.FileName.ShouldBe("inv.pdf");
        (await LedgerCountAsync(EvidenceStore.Kind, first.Value.File.Id.ToString("D"))).ShouldBe(1);
    }

    [Fact]
    public async Task EvidenceUpload_EmptyNamelessOrOverTenMegabytes_ReportsEveryField()
    {
        // Given an empty file without a name, and 10 MB + 1 byte (10 × 1024 × 1024 + 1 = 10,485,761)
        var big = new byte[10 * 1024 * 1024 + 1];

        // When both are uploaded
        var empty = await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "  ", null, [], "b-admin@test"));
        var tooBig = await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "huge.bin", null, big, "b-admin@test"));

        // Then the first names both fields, the second the file with its size
        Fields(empty.Problems).ShouldBe(["fileName", "file"], ignoreOrder: true);
        tooBig.Problems.Single().Location.Field.ShouldBe("file");
        tooBig.Problems.Single().Message.ShouldContain("10485761");
    }

    [Fact]
    public async Task LinkEvidence_ToActivity_WritesReferenceAndLedgerEntry_OtherOrganizationsFileRefused()
    {
        // Given an activity of B-ELEC in May 2024, B's bill and a file of the demo organization
        var activity = new ActivityRecord(DeterministicGuid.For(OrgB, "activity", "link-test"), SourceBElec, new Quantity(1200m, UnitCatalog.Parse("kWh")),
            new DateInterval(new LocalDate(2024, 5, 1), new LocalDate(2024, 5, 31)), DataQualityLevel.Measured, "b-admin@test", EnteredAt);
        var applied = await WithAsync(sp => sp.GetRequiredService<InventoryStore>().ApplyAsync(OrgB, new ChangeSet { Activities = [activity], Origin = "test" }, "test"));
        applied.Succeeded.ShouldBeTrue(string.Join("; ", applied.Problems));
        var bill = Encoding.UTF8.GetBytes("B power bill 2024-05 1,200 kWh");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bill));
        var file = (await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "bill-2024-05.pdf", "application/pdf", bill, "b-admin@test"))).Value.File;
        var demoFile = (await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(WebAppFixture.DemoOrgId, "demo.pdf", "application/pdf",
            Encoding.UTF8.GetBytes("demo organization's own bill"), "demo@test"))).Value.File;
        var ledgerBefore = await LedgerCountAsync(LedgerContent.Activity, activity.Id.ToString("D"));

        // When B's administrator links B's bill, and then the demo organization's file, to the activity (the page's method)
        Task<Outcome<ApplyResult>> Link(Guid evidenceId) => WithAsync(sp => InventoryForms.LinkEvidenceAsync(sp.GetRequiredService<CarbonLedgerDbContext>(),
            sp.GetRequiredService<InventoryStore>(), sp.GetRequiredService<EvidenceStore>(), OrgB, Member(OrganizationRole.Administrator), activity.Id, evidenceId));
        var linked = await Link(file.Id);
        var foreign = await Link(demoFile.Id);
        var stored = await WithAsync(sp => sp.GetRequiredService<CarbonLedgerDbContext>().Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));

        // Then the Evidence field cites "sha256:" + the first 12 hex digits, the ledger recorded one more activity entry,
        // and the other organization's file is "not in this organization"
        linked.Succeeded.ShouldBeTrue(string.Join("; ", linked.Problems));
        stored.Evidence.ShouldBe("sha256:" + sha[..12]);
        (await LedgerCountAsync(LedgerContent.Activity, activity.Id.ToString("D"))).ShouldBe(ledgerBefore + 1);
        Fields(foreign.Problems).ShouldBe(["evidenceId"]);
    }

    [Fact]
    public async Task LinkEvidence_ActivityCitingInvoice_AppendsReferenceOnce()
    {
        // Given a March 2024 activity citing invoice "INV-0301", and a scan of that invoice
        var activity = new ActivityRecord(DeterministicGuid.For(OrgB, "activity", "append-test"), SourceBElec, new Quantity(300m, UnitCatalog.Parse("kWh")),
            new DateInterval(new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 31)), DataQualityLevel.Measured, "b-admin@test", EnteredAt, evidence: "INV-0301");
        (await WithAsync(sp => sp.GetRequiredService<InventoryStore>().ApplyAsync(OrgB, new ChangeSet { Activities = [activity], Origin = "test" }, "test"))).Succeeded.ShouldBeTrue();
        var scan = Encoding.UTF8.GetBytes("scan of INV-0301");
        var sha = Convert.ToHexStringLower(SHA256.HashData(scan));
        var file = (await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "inv-0301.png", "image/png", scan, "b-admin@test"))).Value.File;
        Task<Outcome<ApplyResult>> Link() => WithAsync(sp => InventoryForms.LinkEvidenceAsync(sp.GetRequiredService<CarbonLedgerDbContext>(),
            sp.GetRequiredService<InventoryStore>(), sp.GetRequiredService<EvidenceStore>(), OrgB, Member(OrganizationRole.Contributor), activity.Id, file.Id));

        // When it is linked twice
        (await Link()).Succeeded.ShouldBeTrue();
        (await Link()).Succeeded.ShouldBeTrue();
        var stored = await WithAsync(sp => sp.GetRequiredService<CarbonLedgerDbContext>().Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));

        // Then the invoice number stays and the reference appears once: "INV-0301; sha256:" + 12 hex digits
        stored.Evidence.ShouldBe("INV-0301; sha256:" + sha[..12]);
    }

    [Fact]
    public async Task LinkEvidence_ByViewer_Refused()
    {
        // Given an April 2024 electricity activity of B and a file
        var activity = new ActivityRecord(DeterministicGuid.For(OrgB, "activity", "viewer-link-test"), SourceBElec, new Quantity(10m, UnitCatalog.Parse("kWh")),
            new DateInterval(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 30)), DataQualityLevel.Measured, "b-admin@test", EnteredAt);
        (await WithAsync(sp => sp.GetRequiredService<InventoryStore>().ApplyAsync(OrgB, new ChangeSet { Activities = [activity], Origin = "test" }, "test"))).Succeeded.ShouldBeTrue();
        var file = (await WithAsync(sp => sp.GetRequiredService<EvidenceStore>().UploadAsync(OrgB, "v.pdf", null, [7, 7, 7], "b-admin@test"))).Value.File;

        // When a viewer tries to link it
        var outcome = await WithAsync(sp => InventoryForms.LinkEvidenceAsync(sp.GetRequiredService<CarbonLedgerDbContext>(), sp.GetRequiredService<InventoryStore>(),
            sp.GetRequiredService<EvidenceStore>(), OrgB, Member(OrganizationRole.Viewer), activity.Id, file.Id));
        var stored = await WithAsync(sp => sp.GetRequiredService<CarbonLedgerDbContext>().Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));

        // Then nothing changes
        outcome.Succeeded.ShouldBeFalse();
        stored.Evidence.ShouldBeNull();
    }

    // ---- custom factors ----

    [Fact]
    public async Task CustomFactorForm_EveryBadField_ReportedAndNothingStored()
    {
        // Given a form with a reserved key, a non-numeric year, no name, an unknown per-unit, a value with a thousands
        // separator, an unknown mass unit, no source and a negative uncertainty
        var form = new CustomFactorForm
        {
            Key = "gas/custom", Year = "20x4", Name = " ", PerUnit = "furlong", Source = "", UncertaintyPercent = "-3",
            Gases = [new GasLine { Gas = "CO2", Value = "1,5", MassUnit = "stone" }],
        };

        // When the factors page checks it
        var outcome = InventoryForms.CustomFactorChanges(OrgB, Member(OrganizationRole.Administrator), form);

        // Then each of the eight fields is named once
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(
            ["key", "year", "name", "perUnit", "gases[0].value", "gases[0].massUnit", "source", "uncertaintyPercent"], ignoreOrder: true);
        (await SnapshotAsync()).CustomFactors.ShouldNotContain(f => f.Key == "gas/custom");
    }

    [Fact]
    public async Task CustomFactorForm_Valid_StoredWithSetAndResolvesInLibrary()
    {
        // Given a supplier's steam factor: 0.0712 kg CO2 and 0.000003 kg CH4 per kWh, 2024, in set "Supplier EPDs" v2
        var form = new CustomFactorForm
        {
            Key = "supplier/b-steam", Year = "2024", Name = "B steam supplier", PerUnit = "kWh", SetName = "Supplier EPDs", Publisher = "Steam Co.",
            Version = "2", Source = "Steam Co. EPD 2024", UncertaintyPercent = "5",
            Gases = [new GasLine { Gas = "CO2", Value = "0.0712", MassUnit = "kg" }, new GasLine { Gas = "CH4", Value = "0.000003", MassUnit = "kg" }],
        };
        var member = Member(OrganizationRole.Administrator);

        // When the page saves it
        var changes = InventoryForms.CustomFactorChanges(OrgB, member, form);
        var saved = await WithAsync(sp => InventoryForms.SaveAsync(sp.GetRequiredService<InventoryStore>(), OrgB, member, changes));
        var resolved = (await SnapshotAsync()).FactorLibrary().Resolve("supplier/b-steam", 2024);

        // Then the library resolves it for 2024 with both gases and the set as typed, and the ledger recorded it
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Problems));
        var f = resolved.Value.Factor;
        f.Gases.Select(g => (g.Gas.Code, g.Value, g.MassUnit.Code)).ShouldBe([("CO2", 0.0712m, "kg"), ("CH4", 0.000003m, "kg")], ignoreOrder: true);
        f.PerUnit.Code.ShouldBe("kWh");
        (f.Set.Name, f.Set.Publisher, f.Set.Version).ShouldBe(("Supplier EPDs", "Steam Co.", "2"));
        f.UncertaintyPercent.ShouldBe(5m);
        (await LedgerCountAsync(LedgerContent.CustomFactor, DeterministicGuid.For(OrgB, "factor", "supplier/b-steam", "2024").ToString("D"))).ShouldBe(1);
    }

    [Fact]
    public void CustomFactorForm_ByViewer_Refused()
    {
        // Given an otherwise valid form
        var form = new CustomFactorForm { Key = "supplier/x", Name = "x", PerUnit = "kWh", Source = "x", Gases = [new GasLine { Gas = "CO2", Value = "1" }] };

        // When a viewer submits it
        var outcome = InventoryForms.CustomFactorChanges(OrgB, Member(OrganizationRole.Viewer), form);

        // Then the only problem is the role
        Fields(outcome.Problems).ShouldBe(["factor"]);
    }

    // ---- facilities ----

    [Fact]
    public async Task FacilityForm_New_CreatedUnderExistingEntityWithLedgerEntry()
    {
        // Given a 60 %-owned plant of the existing entity "B Ltd", operationally but not financially controlled
        var form = new FacilityForm
        {
            Code = "B-PLANT", Name = "B plant", LegalEntity = "B Ltd", OwnershipPercent = "60", OperationalControl = true, FinancialControl = false, Address = "台中市",
        };
        var member = Member(OrganizationRole.Administrator);

        // When the facilities page saves it
        var changes = InventoryForms.FacilityChanges(await SnapshotAsync(), member, form);
        var saved = await WithAsync(sp => InventoryForms.SaveAsync(sp.GetRequiredService<InventoryStore>(), OrgB, member, changes));
        var plant = (await SnapshotAsync()).Facilities.Single(f => f.Code == "B-PLANT");

        // Then it is stored as typed, under B Ltd, with the id facilities.csv would give it, and in the ledger
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Problems));
        plant.Id.ShouldBe(DeterministicGuid.For(OrgB, "facility", "B-PLANT"));
        plant.LegalEntityId.ShouldBe(EntityB);
        (plant.Name, plant.OwnershipPercent, plant.OperationalControl, plant.FinancialControl, plant.Address).ShouldBe(("B plant", 60m, true, false, "台中市"));
        (await LedgerCountAsync(LedgerContent.Facility, plant.Id.ToString("D"))).ShouldBe(1);
    }

    [Fact]
    public async Task FacilityForm_BadFieldsOrExistingCode_EveryFieldReported()
    {
        // Given a form without name and entity, 150 % ownership, a 301-character address; and one reusing the code B-HQ
        var bad = new FacilityForm { Code = "B-NEW", Name = "", LegalEntity = " ", OwnershipPercent = "150", Address = new string('x', 301) };
        var duplicate = new FacilityForm { Code = "B-HQ", Name = "again", LegalEntity = "B Ltd" };
        var snapshot = await SnapshotAsync();

        // When both are checked
        var badOutcome = InventoryForms.FacilityChanges(snapshot, Member(OrganizationRole.Administrator), bad);
        var duplicateOutcome = InventoryForms.FacilityChanges(snapshot, Member(OrganizationRole.Administrator), duplicate);

        // Then
        Fields(badOutcome.Problems).ShouldBe(["name", "legalEntity", "ownershipPercent", "address"], ignoreOrder: true);
        Fields(duplicateOutcome.Problems).ShouldBe(["code"]);
    }

    [Fact]
    public async Task FacilityForm_ScopedContributor_CannotAddButEditsOwnFacility()
    {
        // Given a contributor limited to B-HQ
        var scoped = Member(OrganizationRole.Contributor, new HashSet<Guid> { FacilityBHq });
        var snapshot = await SnapshotAsync();
        var hq = snapshot.Facilities.Single(f => f.Id == FacilityBHq);

        // When it adds a facility, and renames B-HQ's address
        var add = InventoryForms.FacilityChanges(snapshot, scoped, new FacilityForm { Code = "B-OTHER", Name = "other", LegalEntity = "B Ltd" });
        var editForm = FacilityForm.Edit(hq, "B Ltd");
        editForm.Address = "台北市信義區";
        var edit = InventoryForms.FacilityChanges(snapshot, scoped, editForm);

        // Then the addition is refused and the edit keeps the facility's id
        Fields(add.Problems).ShouldBe(["facility"]);
        edit.Succeeded.ShouldBeTrue(string.Join("; ", edit.Problems));
        edit.Value.Facilities.Single().Id.ShouldBe(FacilityBHq);
        edit.Value.Facilities.Single().Address.ShouldBe("台北市信義區");
    }

    // ---- sources ----

    [Fact]
    public async Task SourceForm_New_ResolvingFactor_CreatedWithLedgerEntry()
    {
        // Given a diesel boiler at B-HQ citing MOENV 6.0.4's stationary diesel factor, which the lookup resolves
        var form = new SourceForm { Code = "B-BOILER", Name = "B boiler", FacilityCode = "B-HQ", Type = "StationaryCombustion", FactorKey = "moenv604/stationary/diesel", Department = "廠務" };
        var member = Member(OrganizationRole.Administrator);
        var snapshot = await SnapshotAsync();
        var lookup = InventoryForms.LookUpFactor(snapshot, form.FactorKey, 2024);

        // When the sources page saves it
        var changes = InventoryForms.SourceChanges(snapshot, member, form, 2024);
        var saved = await WithAsync(sp => InventoryForms.SaveAsync(sp.GetRequiredService<InventoryStore>(), OrgB, member, changes));
        var boiler = (await SnapshotAsync()).Sources.Single(s => s.Code == "B-BOILER");

        // Then it is stored as typed (Scope 1 by its type), and in the ledger
        lookup.Resolves.ShouldBeTrue(lookup.Message);
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Problems));
        boiler.Id.ShouldBe(DeterministicGuid.For(OrgB, "source", "B-BOILER"));
        (boiler.FacilityId, boiler.Type, boiler.FactorKey, boiler.Department, boiler.Scope3Category).ShouldBe(
            (FacilityBHq, SourceType.StationaryCombustion, "moenv604/stationary/diesel", "廠務", (Scope3Category?)null));
        (await LedgerCountAsync(LedgerContent.Source, boiler.Id.ToString("D"))).ShouldBe(1);
    }

    [Fact]
    public async Task SourceForm_BadFields_EveryFieldReported()
    {
        // Given a Scope 3 source without a category, at an unknown facility, citing an unknown factor, with no name
        var form = new SourceForm { Code = "B-S3", Name = "", FacilityCode = "B-NOWHERE", Type = "Scope3", FactorKey = "no/such/factor" };
        var snapshot = await SnapshotAsync();

        // When it is checked
        var outcome = InventoryForms.SourceChanges(snapshot, Member(OrganizationRole.Administrator), form, 2024);
        var lookup = InventoryForms.LookUpFactor(snapshot, form.FactorKey, 2024);

        // Then name, facility, factorKey and scope3Category are each reported, and the lookup says it does not resolve
        Fields(outcome.Problems).ShouldBe(["name", "facility", "factorKey", "scope3Category"], ignoreOrder: true);
        lookup.Resolves.ShouldBeFalse();
        lookup.Message.ShouldContain("no/such/factor");
    }

    [Fact]
    public async Task SourceForm_ScopedContributorOtherFacility_Refused()
    {
        // Given a contributor limited to a facility other than B-HQ (an id of no facility)
        var scoped = Member(OrganizationRole.Contributor, new HashSet<Guid> { Guid.NewGuid() });
        var form = new SourceForm { Code = "B-GEN", Name = "B generator", FacilityCode = "B-HQ", Type = "StationaryCombustion", FactorKey = "moenv604/stationary/diesel" };

        // When it adds a source at B-HQ
        var outcome = InventoryForms.SourceChanges(await SnapshotAsync(), scoped, form, 2024);

        // Then the facility is refused
        Fields(outcome.Problems).ShouldBe(["facility"]);
    }
}
