using System.Globalization;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import;
using CarbonLedger.Inventory;
using CarbonLedger.Web.Features.Factors;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Web.Features.Inventory;

/// <summary>The facility form of the facilities page. <see cref="Code"/> is the natural key (the id derives from it, as
/// in facilities.csv), so it is fixed once the facility exists.</summary>
public sealed class FacilityForm
{
    public Guid? EditingId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>An existing legal entity's name, or a new one's (created at 100 %, as facilities.csv does).</summary>
    public string LegalEntity { get; set; } = "";
    public string OwnershipPercent { get; set; } = "100";
    public bool OperationalControl { get; set; } = true;
    public bool FinancialControl { get; set; } = true;
    public string Address { get; set; } = "";

    public static FacilityForm Edit(Facility f, string entityName)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FacilityForm
        {
            EditingId = f.Id, Code = f.Code, Name = f.Name, LegalEntity = entityName, OwnershipPercent = f.OwnershipPercent.ToString(CultureInfo.InvariantCulture),
            OperationalControl = f.OperationalControl, FinancialControl = f.FinancialControl, Address = f.Address ?? "",
        };
    }
}

/// <summary>The emission-source form of the sources page; <see cref="Code"/> is fixed once the source exists.</summary>
public sealed class SourceForm
{
    public Guid? EditingId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string FacilityCode { get; set; } = "";
    /// <summary>A <see cref="SourceType"/> name or its zh-TW name (as in sources.csv).</summary>
    public string Type { get; set; } = "";
    public string FactorKey { get; set; } = "";
    /// <summary>1-15, only for Scope 3 sources.</summary>
    public string Scope3Category { get; set; } = "";
    public string Department { get; set; } = "";

    public static SourceForm Edit(EmissionSource s, string facilityCode)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SourceForm
        {
            EditingId = s.Id, Code = s.Code, Name = s.Name, FacilityCode = facilityCode, Type = s.Type.ToString(), FactorKey = s.FactorKey,
            Scope3Category = s.Scope3Category is { } c ? ((int)c).ToString(CultureInfo.InvariantCulture) : "", Department = s.Department ?? "",
        };
    }
}

/// <summary>One gas line of the custom-factor form.</summary>
public sealed class GasLine
{
    public string Gas { get; set; } = "CO2";
    public string Value { get; set; } = "";
    public string MassUnit { get; set; } = "kg";
}

/// <summary>The custom-factor form of the factors page (numbers as typed, '.' decimal point).</summary>
public sealed class CustomFactorForm
{
    public string Key { get; set; } = "";
    public string Year { get; set; } = "";
    public string Name { get; set; } = "";
    public string PerUnit { get; set; } = "";
    public List<GasLine> Gases { get; set; } = [new()];
    public string SetName { get; set; } = "Organization factors";
    public string Publisher { get; set; } = "";
    public string Version { get; set; } = "1";
    public string Source { get; set; } = "";
    public string UncertaintyPercent { get; set; } = "";
}

/// <summary>Whether a factor key resolves in the organization's library (reference factors plus its custom ones).
/// <see cref="Message"/> describes the factor found, or says in English why none was (<see cref="MessageZhTw"/> in
/// Traditional Chinese).</summary>
public sealed record FactorLookup(bool Resolves, string Message, string? MessageZhTw = null)
{
    /// <summary>The message in the requested language (English when no zh-TW text was given, as for a factor's own description).</summary>
    public string MessageIn(bool zhTw) => zhTw && MessageZhTw is not null ? MessageZhTw : Message;
}

/// <summary>What the facilities, sources, factors and activities pages write, as change sets for
/// <see cref="InventoryStore.ApplyAsync"/> (so every write is one transaction with its ledger entries). Each builder
/// checks every field in one pass and the member's right to write (edit permission, facility scope).</summary>
public static class InventoryForms
{
    // Column widths (Data/Configurations: FacilityConfiguration, EmissionSourceConfiguration, LegalEntityConfiguration).
    private const int CodeMax = 50;
    private const int NameMax = 200;
    private const int AddressMax = 300;
    private const int FactorKeyMax = 200;
    private const int DepartmentMax = 100;

    public static Outcome<ChangeSet> FacilityChanges(OrganizationSnapshot snapshot, MemberContext member, FacilityForm form)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        var orgId = snapshot.Organization.Id;
        var problems = new List<Problem>();
        var existing = form.EditingId is { } editing ? snapshot.Facilities.FirstOrDefault(f => f.Id == editing) : null;
        if (form.EditingId is not null && existing is null) { problems.Add(Problem.AtField("facility", "no such facility in this organization", "本組織沒有此據點")); }
        if (!member.Can(Permission.EditData)) { problems.Add(Problem.AtField("facility", "your role may not change data", "您的角色不允許修改資料")); }
        else if (existing is not null && !member.CanEditFacility(existing.Id)) { problems.Add(Problem.AtField("facility", $"{existing.Code} is outside the facilities you may edit", $"{existing.Code} 不在您可編輯的據點範圍內")); }
        else if (existing is null && member.FacilityScope is not null) { problems.Add(Problem.AtField("facility", "a member limited to some facilities cannot add facilities", "僅限部分據點的成員不能新增據點")); }

        var code = existing?.Code ?? form.Code.Trim();
        if (code.Length == 0) { problems.Add(Problem.AtField("code", "is required", "為必填")); }
        else if (code.Length > CodeMax) { problems.Add(Problem.TooLong("code", CodeMax)); }
        else if (existing is null && snapshot.Facilities.Any(f => string.Equals(f.Code, code, StringComparison.Ordinal)))
        {
            problems.Add(Problem.AtField("code", $"facility {code} exists already: edit it instead", $"據點 {code} 已存在：請改為編輯"));
        }
        var name = Required(form.Name, "name", NameMax, problems);
        var entityName = Required(form.LegalEntity, "legalEntity", NameMax, problems);
        decimal? percent = null;
        if (string.IsNullOrWhiteSpace(form.OwnershipPercent)) { problems.Add(Problem.AtField("ownershipPercent", "is required", "為必填")); }
        else if (!ValueParsers.TryParseNumber(form.OwnershipPercent.Trim(), out var p)) { problems.Add(Problem.AtField("ownershipPercent", $"'{form.OwnershipPercent}' is not a number", $"「{form.OwnershipPercent}」不是數字")); }
        else if (p is < 0 or > 100) { problems.Add(Problem.AtField("ownershipPercent", "must be between 0 and 100", "須介於 0 與 100 之間")); }
        else { percent = p; }
        var address = form.Address.Trim();
        if (address.Length > AddressMax) { problems.Add(Problem.TooLong("address", AddressMax)); }
        if (problems.Count > 0) { return Outcome<ChangeSet>.Failure(problems); }

        var entity = snapshot.Entities.FirstOrDefault(e => string.Equals(e.Name, entityName, StringComparison.Ordinal));
        var newEntities = new List<LegalEntity>();
        if (entity is null)
        {
            entity = new LegalEntity(DeterministicGuid.For(orgId, "entity", entityName!), entityName!, 100m);
            newEntities.Add(entity);
        }
        var facility = new Facility(existing?.Id ?? DeterministicGuid.For(orgId, "facility", code), entity.Id, code, name!, percent!.Value,
            form.OperationalControl, form.FinancialControl, address.Length == 0 ? null : address);
        return Outcome<ChangeSet>.Success(new ChangeSet
        {
            LegalEntities = newEntities, Facilities = [facility], Origin = $"ui: {(existing is null ? "add" : "edit")} facility {code}",
        });
    }

    public static Outcome<ChangeSet> SourceChanges(OrganizationSnapshot snapshot, MemberContext member, SourceForm form, int factorYear)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        var orgId = snapshot.Organization.Id;
        var problems = new List<Problem>();
        var existing = form.EditingId is { } editing ? snapshot.Sources.FirstOrDefault(s => s.Id == editing) : null;
        if (form.EditingId is not null && existing is null) { problems.Add(Problem.AtField("source", "no such source in this organization", "本組織沒有此排放源")); }
        if (!member.Can(Permission.EditData)) { problems.Add(Problem.AtField("source", "your role may not change data", "您的角色不允許修改資料")); }
        else if (existing is not null && !member.CanEditFacility(existing.FacilityId))
        {
            problems.Add(Problem.AtField("source", $"{existing.Code} belongs to a facility outside the facilities you may edit", $"{existing.Code} 所屬的據點不在您可編輯的據點範圍內"));
        }

        var code = existing?.Code ?? form.Code.Trim();
        if (code.Length == 0) { problems.Add(Problem.AtField("code", "is required", "為必填")); }
        else if (code.Length > CodeMax) { problems.Add(Problem.TooLong("code", CodeMax)); }
        else if (existing is null && snapshot.Sources.Any(s => string.Equals(s.Code, code, StringComparison.Ordinal)))
        {
            problems.Add(Problem.AtField("code", $"source {code} exists already: edit it instead", $"排放源 {code} 已存在：請改為編輯"));
        }
        var name = Required(form.Name, "name", NameMax, problems);
        Facility? facility = null;
        if (string.IsNullOrWhiteSpace(form.FacilityCode)) { problems.Add(Problem.AtField("facility", "is required", "為必填")); }
        else
        {
            facility = snapshot.Facilities.FirstOrDefault(f => string.Equals(f.Code, form.FacilityCode.Trim(), StringComparison.Ordinal));
            if (facility is null) { problems.Add(Problem.AtField("facility", $"unknown facility code '{form.FacilityCode}'", $"無法辨識的據點代碼「{form.FacilityCode}」")); }
            else if (member.Can(Permission.EditData) && !member.CanEditFacility(facility.Id))
            {
                problems.Add(Problem.AtField("facility", $"{facility.Code} is outside the facilities you may edit", $"{facility.Code} 不在您可編輯的據點範圍內"));
            }
        }
        SourceType? type = null;
        if (string.IsNullOrWhiteSpace(form.Type)) { problems.Add(Problem.AtField("type", "is required", "為必填")); }
        else if (ValueParsers.TryParseSourceType(form.Type, out var t)) { type = t; }
        else { problems.Add(Problem.AtField("type", $"'{form.Type}' is not a source type: use one of {string.Join(", ", Enum.GetNames<SourceType>())}", $"「{form.Type}」不是排放源類型：請用下列之一：{string.Join("、", Enum.GetNames<SourceType>())}")); }
        var key = form.FactorKey.Trim();
        if (key.Length == 0) { problems.Add(Problem.AtField("factorKey", "is required", "為必填")); }
        else if (key.Length > FactorKeyMax) { problems.Add(Problem.TooLong("factorKey", FactorKeyMax)); }
        else if (LookUpFactor(snapshot, key, factorYear) is { Resolves: false } lookup) { problems.Add(Problem.AtField("factorKey", lookup.Message, lookup.MessageZhTw)); }
        Scope3Category? category = null;
        var categoryText = form.Scope3Category.Trim();
        if (categoryText.Length > 0)
        {
            if (!int.TryParse(categoryText, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > 15)
            {
                problems.Add(Problem.AtField("scope3Category", $"'{categoryText}' is not a Scope 3 category (1-15)", $"「{categoryText}」不是範疇三類別（1-15）"));
            }
            else if (type is { } nonScope3 && nonScope3 != SourceType.Scope3)
            {
                problems.Add(Problem.AtField("scope3Category", $"only Scope3 sources take a category; this source is {nonScope3}", $"只有範疇三排放源可填類別；此排放源為 {nonScope3}"));
            }
            else { category = (Scope3Category)c; }
        }
        else if (type == SourceType.Scope3) { problems.Add(Problem.AtField("scope3Category", "a Scope 3 source needs its category (1-15)", "範疇三排放源須填類別（1-15）")); }
        var department = form.Department.Trim();
        if (department.Length > DepartmentMax) { problems.Add(Problem.TooLong("department", DepartmentMax)); }
        if (problems.Count > 0) { return Outcome<ChangeSet>.Failure(problems); }

        // The exclusion reason and description are not on the form: an edit keeps them.
        var source = new EmissionSource(existing?.Id ?? DeterministicGuid.For(orgId, "source", code), facility!.Id, code, name!, type!.Value, key,
            category, department.Length == 0 ? null : department, existing?.ExclusionReason, existing?.Description);
        return Outcome<ChangeSet>.Success(new ChangeSet { Sources = [source], Origin = $"ui: {(existing is null ? "add" : "edit")} source {code}" });
    }

    public static Outcome<ChangeSet> CustomFactorChanges(Guid orgId, MemberContext member, CustomFactorForm form)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<Problem>();
        // As POST …/factors (EditData); ManageFactors (administrators) also grants it.
        if (!member.Can(Permission.EditData) && !member.Can(Permission.ManageFactors)) { problems.Add(Problem.AtField("factor", "your role may not add factors", "您的角色不允許新增係數")); }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(form.Year))
        {
            if (int.TryParse(form.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) { year = y; }
            else { problems.Add(Problem.AtField("year", $"'{form.Year}' is not a year", $"「{form.Year}」不是年份")); }
        }
        decimal? uncertainty = Number(form.UncertaintyPercent, "uncertaintyPercent", problems);
        var gases = new List<GasFactorRequest>();
        for (var i = 0; i < form.Gases.Count; i++)
        {
            var g = form.Gases[i];
            if (string.IsNullOrWhiteSpace(g.Gas) && string.IsNullOrWhiteSpace(g.Value)) { continue; } // an empty spare line
            var value = Number(g.Value, $"gases[{i}].value", problems);
            gases.Add(new GasFactorRequest(g.Gas, value, string.IsNullOrWhiteSpace(g.MassUnit) ? null : g.MassUnit.Trim()));
        }
        var request = new CustomFactorRequest(form.Key, form.Name, year, form.PerUnit, gases, form.Source, uncertainty, form.SetName,
            string.IsNullOrWhiteSpace(form.Publisher) ? member.OrganizationName : form.Publisher, form.Version);
        var built = CustomFactorBuilder.Build(orgId, request, "ui");
        if (!built.Succeeded) { problems.AddRange(built.Problems.Where(p => !problems.Any(q => q.Location.Field == p.Location.Field))); }
        if (problems.Count > 0) { return Outcome<ChangeSet>.Failure(problems); }
        return Outcome<ChangeSet>.Success(new ChangeSet { CustomFactors = [built.Value], Origin = $"ui: add factor {built.Value.Key}" });
    }

    /// <summary>Resolves <paramref name="key"/> as the calculator would for <paramref name="year"/> (exact year,
    /// year-independent, or the latest earlier year).</summary>
    public static FactorLookup LookUpFactor(OrganizationSnapshot snapshot, string? key, int year)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (string.IsNullOrWhiteSpace(key)) { return new FactorLookup(false, "enter a factor key", "請輸入排放係數代碼"); }
        try
        {
            var resolved = snapshot.FactorLibrary().Resolve(key.Trim(), year);
            if (!resolved.Succeeded) { return new FactorLookup(false, resolved.Problems[0].Message, resolved.Problems[0].MessageZhTw); }
            var f = resolved.Value.Factor;
            var text = $"{f.Name} · {string.Join("; ", f.Gases.Select(g => $"{g.Gas.Code} {g.Value.ToString("G10", CultureInfo.InvariantCulture)} {g.MassUnit.Code}"))} / {f.PerUnit.Code} · {f.Set.Name} {f.Set.Version}";
            return new FactorLookup(true, resolved.Value.Note is { } note ? $"{text} ({note})" : text);
        }
        catch (DomainException ex)
        {
            // A synthesised key naming an unknown gas (gas/XYZ).
            return new FactorLookup(false, ex.Reason, ex.ReasonZhTw);
        }
    }

    /// <summary>Applies a checked change set as <paramref name="member"/> (the ledger's actor).</summary>
    public static async Task<Outcome<ApplyResult>> SaveAsync(InventoryStore store, Guid orgId, MemberContext member, Outcome<ChangeSet> changes,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(changes);
        if (!changes.Succeeded) { return Outcome<ApplyResult>.Failure(changes.Problems); }
        return await store.ApplyAsync(orgId, changes.Value, member.Actor, null, ct);
    }

    /// <summary>Cites an evidence file in an activity's Evidence field (<see cref="EvidenceStore.LinkAsync"/>), after
    /// checking that <paramref name="member"/> may edit the activity's facility.</summary>
    public static async Task<Outcome<ApplyResult>> LinkEvidenceAsync(CarbonLedgerDbContext db, InventoryStore inventory, EvidenceStore evidence,
        Guid orgId, MemberContext member, Guid activityId, Guid evidenceId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(member);
        var facilityId = await (from a in db.Activities.AsNoTracking()
                                join s in db.Sources.AsNoTracking() on a.SourceId equals s.Id
                                where a.OrganizationId == orgId && a.Id == activityId
                                select (Guid?)s.FacilityId).SingleOrDefaultAsync(ct);
        if (facilityId is { } f && !member.CanEditFacility(f))
        {
            return Outcome<ApplyResult>.Failure(member.Can(Permission.EditData)
                ? Problem.AtField("activityId", "the activity's facility is outside the facilities you may edit", "此活動數據所屬的據點不在您可編輯的據點範圍內")
                : Problem.AtField("activityId", "your role may not change data", "您的角色不允許修改資料"));
        }
        return await evidence.LinkAsync(orgId, activityId, evidenceId, inventory, member.Actor, ct);
    }

    private static string? Required(string? value, string field, int max, List<Problem> problems)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) { problems.Add(Problem.AtField(field, "is required", "為必填")); return null; }
        if (text.Length > max) { problems.Add(Problem.TooLong(field, max)); return null; }
        return text;
    }

    private static decimal? Number(string? text, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) { return null; }
        if (ValueParsers.TryParseNumber(text.Trim(), out var value)) { return value; }
        problems.Add(Problem.AtField(field, $"'{text}' is not a number ('.' as decimal point, no thousands separators)", $"「{text}」不是數字（以「.」為小數點，不加千分位）"));
        return null;
    }
}
