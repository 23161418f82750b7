using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using CarbonLedger.Inventory;
using CarbonLedger.Planning;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Data.Stores;

/// <summary>What a user gives to create a target; the base-year emissions are read from the inventory, not given.</summary>
public sealed record TargetDraft(string? Name, TargetKind Kind, IReadOnlyList<Scope>? Scopes, int BaseYear, int TargetYear, decimal? Reduction, PathwayMethod? Method,
    Scope2Method Scope2Basis = Scope2Method.MarketBased, string? DenominatorName = null, string? DenominatorUnit = null, decimal? DenominatorBaseAmount = null,
    decimal Coverage = 1m);

/// <summary>Per-year data a target needs that the inventory does not hold: the intensity denominator (revenue, product),
/// RECs retired and carbon credits retired (shown beside, never inside, the reductions).</summary>
public sealed record TargetYearData(int Year, decimal? DenominatorAmount = null, int RecCertificates = 0, decimal OffsetTonnes = 0m);

public sealed record StoredTarget(Guid Id, GhgTarget Target, string BaseYearSource, IReadOnlyList<TargetYearData> YearData, string CreatedBy, Instant CreatedAt);

public sealed record PlanApproval(string ApprovingBody, LocalDate ApprovalDate, string Resolution, string RecordedBy, Instant RecordedAt);

public sealed record StoredPlanVersion(Guid PlanId, int Version, TransitionPlan Plan, string ContentSha256, string? Note, string SavedBy, Instant SavedAt, PlanApproval? Approval);

public sealed record PlanSummary(Guid Id, string Title, int LatestVersion, int? ApprovedVersion, Instant UpdatedAt);

/// <summary>Targets and transition plans of an organization (issue 5). Targets take their base-year emissions from the
/// base-year inventory's calculation; progress reads each year's inventory; plans are saved as immutable, hashed
/// versions and an approval is recorded on one version. Every write is one transaction with an audit-ledger entry and
/// every query filters by organization id.</summary>
public sealed class PlanningStore(CarbonLedgerDbContext db, InventoryStore inventories, IClock clock)
{
    // ---------------------------------------------------------------- inventory figures

    /// <summary>Scope totals of every inventory of the organization, one per calendar year (the year its period starts;
    /// when two start in one year, the one created last). Decimal tCO2e as the calculator reports them.</summary>
    public async Task<IReadOnlyList<InventoryFigures>> InventoryFiguresAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = (await inventories.ListInventoriesAsync(organizationId, ct))
            .GroupBy(r => r.PeriodStart.Year).Select(g => g.OrderByDescending(r => r.CreatedAt).First()).OrderBy(r => r.PeriodStart).ToList();
        var figures = new List<InventoryFigures>(rows.Count);
        foreach (var row in rows)
        {
            var input = await inventories.LoadInputAsync(organizationId, row.Id, ct);
            if (input is null) { continue; }
            var result = InventoryCalculator.Calculate(input);
            var location = result.Totals(Scope2Method.LocationBased).ByScope;
            var market = result.Totals(Scope2Method.MarketBased).ByScope;
            figures.Add(new InventoryFigures(row.PeriodStart.Year, location.GetValueOrDefault(Scope.Scope1), location.GetValueOrDefault(Scope.Scope2),
                market.GetValueOrDefault(Scope.Scope2), location.TryGetValue(Scope.Scope3, out var s3) ? s3 : null,
                string.Create(CultureInfo.InvariantCulture, $"inventory '{row.Name}' ({row.PeriodStart:yyyy-MM-dd}–{row.PeriodEnd:yyyy-MM-dd}, {row.Status}, GWP {row.GwpSetId})")));
        }
        return figures;
    }

    /// <summary>Emissions of the covered scopes in one inventory year (Scope 2 on the given basis).</summary>
    public static decimal Covered(InventoryFigures f, IReadOnlyList<Scope> scopes, Scope2Method basis)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(scopes);
        var total = 0m;
        if (scopes.Contains(Scope.Scope1)) { total += f.Scope1; }
        if (scopes.Contains(Scope.Scope2)) { total += basis == Scope2Method.MarketBased ? f.Scope2MarketBased : f.Scope2LocationBased; }
        if (scopes.Contains(Scope.Scope3)) { total += f.Scope3 ?? 0m; }
        return total;
    }

    private static readonly Scope[] AllScopes = [Scope.Scope1, Scope.Scope2, Scope.Scope3];

    // The column lengths of PlanningConfigurations: a longer text is a problem naming the field, not a database error.
    internal const int TargetNameMax = 200;
    internal const int DenominatorNameMax = 200;
    internal const int DenominatorUnitMax = 50;
    internal const int PlanTitleMax = 300;
    internal const int NoteMax = 1000;
    internal const int ApprovingBodyMax = 300;
    internal const int ResolutionMax = 2000;

    // ---------------------------------------------------------------- targets

    /// <summary>Creates a target; <paramref name="figures"/> are the organization's inventory figures when the caller has
    /// them already (they are read otherwise).</summary>
    public async Task<Outcome<StoredTarget>> CreateTargetAsync(Guid organizationId, TargetDraft draft, string actor, IReadOnlyList<InventoryFigures>? figures = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        figures ??= await InventoryFiguresAsync(organizationId, ct);
        var baseYear = figures.FirstOrDefault(f => f.Year == draft.BaseYear);
        var scopes = draft.Scopes ?? [];
        if (baseYear is null)
        {
            return Outcome<StoredTarget>.Failure(Problem.AtField("baseYear",
                string.Create(CultureInfo.InvariantCulture, $"the organization has no inventory for {draft.BaseYear}: create and calculate the base-year inventory first (base-year emissions come from it)"),
                string.Create(CultureInfo.InvariantCulture, $"本組織沒有 {draft.BaseYear} 年之盤查：請先建立並計算基準年盤查（基準年排放量取自盤查）")));
        }
        if (scopes.Contains(Scope.Scope3) && baseYear.Scope3 is null)
        {
            return Outcome<StoredTarget>.Failure(Problem.AtField("scopes",
                string.Create(CultureInfo.InvariantCulture, $"the {draft.BaseYear} inventory has no Scope 3 emissions, so a target covering Scope 3 has no base value"),
                string.Create(CultureInfo.InvariantCulture, $"{draft.BaseYear} 年盤查沒有範疇三排放量，涵蓋範疇三之目標無基準值")));
        }
        var denominator = draft.Kind == TargetKind.Intensity || draft.DenominatorName is not null
            ? new IntensityDenominator(draft.DenominatorName ?? "", draft.DenominatorUnit ?? "", draft.DenominatorBaseAmount ?? 0m)
            : null;
        var created = GhgTarget.Create(draft.Name, draft.Kind, scopes, draft.BaseYear, Covered(baseYear, scopes, draft.Scope2Basis), draft.TargetYear, draft.Reduction,
            draft.Method, denominator, draft.Scope2Basis, draft.Coverage);
        var tooLong = new List<Problem>();
        MaxLength(draft.Name?.Trim(), "name", TargetNameMax, tooLong);
        MaxLength(draft.DenominatorName, "denominator.name", DenominatorNameMax, tooLong);
        MaxLength(draft.DenominatorUnit, "denominator.unit", DenominatorUnitMax, tooLong);
        if (!created.Succeeded || tooLong.Count > 0) { return Outcome<StoredTarget>.Failure([.. created.Problems, .. tooLong]); }
        var target = created.Value;
        if (await db.Targets.AnyAsync(t => t.OrganizationId == organizationId && t.Name == target.Name, ct))
        {
            return Outcome<StoredTarget>.Failure(Problem.AtField("name", $"a target named '{target.Name}' already exists", $"已有名為「{target.Name}」的目標"));
        }
        var now = clock.GetCurrentInstant();
        var row = new TargetRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Name = target.Name, Kind = target.Kind.ToString(),
            Scopes = string.Join(',', target.Scopes.Select(s => (int)s)), Scope2Basis = target.Scope2Basis.ToString(), BaseYear = target.BaseYear,
            BaseYearEmissions = target.BaseYearEmissions, BaseYearSource = baseYear.Source, TargetYear = target.TargetYear, Reduction = target.Reduction,
            MethodJson = PlanJson.Serialize(target.Method), DenominatorName = denominator?.Name, DenominatorUnit = denominator?.Unit,
            DenominatorBaseAmount = denominator?.BaseYearAmount, Coverage = target.Coverage, CreatedBy = actor, CreatedAt = now.ToDateTimeOffset(),
        };
        await WriteAsync(organizationId, actor, "create", "target", row.Id, DescribeTarget(row), () => db.Targets.Add(row), ct);
        return Outcome<StoredTarget>.Success(ToDomain(row));
    }

    public async Task<IReadOnlyList<StoredTarget>> ListTargetsAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = await db.Targets.AsNoTracking().Where(t => t.OrganizationId == organizationId).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(ToDomain).ToList();
    }

    public async Task<StoredTarget?> FindTargetAsync(Guid organizationId, Guid targetId, CancellationToken ct = default)
    {
        var row = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.OrganizationId == organizationId && t.Id == targetId, ct);
        return row is null ? null : ToDomain(row);
    }

    /// <summary>Records (or replaces) one year's denominator, RECs and offsets for a target; the history of values stays
    /// in the audit ledger.</summary>
    public async Task<Outcome<StoredTarget>> SetYearDataAsync(Guid organizationId, Guid targetId, TargetYearData data, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var row = await db.Targets.SingleOrDefaultAsync(t => t.OrganizationId == organizationId && t.Id == targetId, ct);
        if (row is null) { return Outcome<StoredTarget>.Failure(Problem.AtField("targetId", $"no target {targetId} in this organization", $"本組織沒有目標 {targetId}")); }
        var problems = new List<Problem>();
        if (data.Year < row.BaseYear)
        {
            problems.Add(Problem.AtField("year", string.Create(CultureInfo.InvariantCulture, $"{data.Year} is before the target's base year {row.BaseYear}"),
                string.Create(CultureInfo.InvariantCulture, $"{data.Year} 早於目標之基準年 {row.BaseYear}")));
        }
        if (data.DenominatorAmount is <= 0m) { problems.Add(Problem.AtField("denominatorAmount", "must be positive", "必須大於零")); }
        else if (data.DenominatorAmount is { } amount && data.Year == row.BaseYear && row.DenominatorBaseAmount is { } fixedAmount && amount != fixedAmount)
        {
            problems.Add(Problem.AtField("denominatorAmount",
                string.Create(CultureInfo.InvariantCulture, $"the base year's denominator is part of the target ({fixedAmount}); create a new target to change it"),
                string.Create(CultureInfo.InvariantCulture, $"基準年之分母為目標之一部分（{fixedAmount}）；如需變更請另建目標")));
        }
        if (data.RecCertificates < 0) { problems.Add(Problem.AtField("recCertificates", "cannot be negative", "不可為負")); }
        if (data.OffsetTonnes < 0m) { problems.Add(Problem.AtField("offsetTonnes", "cannot be negative", "不可為負")); }
        if (problems.Count > 0) { return Outcome<StoredTarget>.Failure(problems); }
        var years = ReadYearData(row.YearDataJson).Where(y => y.Year != data.Year).Append(data).OrderBy(y => y.Year).ToList();
        row.YearDataJson = JsonSerializer.Serialize(years, PlanJson.Options);
        await WriteAsync(organizationId, actor, "year-data", "target", row.Id, DescribeTarget(row), () => { }, ct);
        return Outcome<StoredTarget>.Success(ToDomain(row));
    }

    /// <summary>Actual vs pathway for every year with an inventory from the base year on. RECs' effect is the Scope 2
    /// location-based minus market-based difference when the target counts market-based Scope 2 (contractual
    /// instruments lower only the market-based figure), else 0.</summary>
    public async Task<Outcome<TargetProgress>> ProgressAsync(Guid organizationId, StoredTarget stored, IReadOnlyList<InventoryFigures>? figures = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        figures ??= await InventoryFiguresAsync(organizationId, ct);
        var t = stored.Target;
        var actuals = new List<YearActual>();
        foreach (var f in figures.Where(f => f.Year >= t.BaseYear))
        {
            var extra = stored.YearData.FirstOrDefault(y => y.Year == f.Year);
            var recEffect = t.Scope2Basis == Scope2Method.MarketBased && t.Scopes.Contains(Scope.Scope2) ? Math.Max(0m, f.Scope2LocationBased - f.Scope2MarketBased) : 0m;
            // The base year's denominator is the one the target's base value was set with, so the base year sits on its
            // own pathway; a later year's comes from the recorded year data.
            var denominator = t.Kind == TargetKind.Intensity ? (f.Year == t.BaseYear ? t.Denominator!.BaseYearAmount : extra?.DenominatorAmount) : null;
            actuals.Add(new YearActual(f.Year, Covered(f, t.Scopes, t.Scope2Basis), recEffect, extra?.RecCertificates ?? 0, extra?.OffsetTonnes ?? 0m, denominator));
        }
        return TargetTracker.Evaluate(t, actuals);
    }

    /// <summary>The SBTi near-term check of a stored target with everything the organization's data can tell: Scope 3's
    /// share of the base-year total (Scope 2 on the target's basis) and the organization's Scope 3 target, the cumulative
    /// structural changes recorded after the base year as a share of the target's base-year emissions (absolute values,
    /// organic growth excluded — <see cref="BaseYearPolicy"/>), the year the target was set as its submission year
    /// (unless <paramref name="submissionYear"/> is given) and as its last review. The ambition is the method's own rate
    /// for absolute contraction, else SBTi 1.5 °C.</summary>
    public async Task<IReadOnlyList<CriterionResult>> CriteriaAsync(Guid organizationId, StoredTarget stored, int? submissionYear = null,
        IReadOnlyList<InventoryFigures>? figures = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        figures ??= await InventoryFiguresAsync(organizationId, ct);
        var t = stored.Target;
        var baseFigures = figures.FirstOrDefault(f => f.Year == t.BaseYear);
        decimal? scope3Share = null;
        if (baseFigures?.Scope3 is { } s3)
        {
            var total = Covered(baseFigures, AllScopes, t.Scope2Basis);
            scope3Share = total > 0m ? s3 / total : null;
        }
        var scope3Target = (await ListTargetsAsync(organizationId, ct)).Where(s => s.Target.Scopes.Contains(Scope.Scope3)).MaxBy(s => s.Target.Coverage);
        var changes = (await new BaseYearStore(db, clock).ListStructuralChangesAsync(organizationId, ct)).Select(c => c.Change).Where(c => c.Year > t.BaseYear);
        decimal? changeShare = t.BaseYearEmissions > 0m ? BaseYearPolicy.Check(t.BaseYearEmissions, changes).CumulativePercent / 100m : null;
        var setIn = stored.CreatedAt.InUtc().Year;
        var context = new SbtiContext(submissionYear ?? setIn, scope3Share, scope3Target is not null, scope3Target?.Target.Coverage, changeShare, setIn,
            clock.GetCurrentInstant().InUtc().Year);
        var ambition = t.Method.Kind == PathwayMethodKind.AbsoluteContraction && t.Method.Rate is { } rate ? rate : ContractionRate.Sbti15C;
        return SbtiNearTermCriteria.Check(t, context, ambition);
    }

    // ---------------------------------------------------------------- plans

    /// <summary>Saves <paramref name="plan"/> as the next version of <paramref name="planId"/> (or a new plan when null).
    /// Versions are never changed; an unchanged plan (same SHA-256 as the latest version) is not saved again.</summary>
    public async Task<Outcome<StoredPlanVersion>> SavePlanAsync(Guid organizationId, Guid? planId, TransitionPlan plan, string actor, string? note = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(plan.Title)) { problems.Add(Problem.AtField("title", "is required", "必填")); }
        var title = plan.Title?.Trim() ?? "";
        MaxLength(title, "title", PlanTitleMax, problems);
        MaxLength(note?.Trim(), "note", NoteMax, problems);
        if (problems.Count > 0) { return Outcome<StoredPlanVersion>.Failure(problems); }
        var json = PlanJson.Serialize(plan);
        var hash = Sha256(json);
        var now = clock.GetCurrentInstant();
        TransitionPlanRow? planRow = null;
        if (planId is { } id)
        {
            planRow = await db.TransitionPlans.Include(p => p.Versions).SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Id == id, ct);
            if (planRow is null) { return Outcome<StoredPlanVersion>.Failure(Problem.AtField("planId", $"no plan {id} in this organization", $"本組織沒有轉型計畫 {id}")); }
            var latest = planRow.Versions.MaxBy(v => v.Version);
            if (latest is not null && latest.ContentSha256 == hash) { return Outcome<StoredPlanVersion>.Success(ToDomain(latest)); }
        }
        var newPlan = planRow is null;
        planRow ??= new TransitionPlanRow { Id = Guid.NewGuid(), OrganizationId = organizationId, CreatedBy = actor, CreatedAt = now.ToDateTimeOffset() };
        planRow.Title = title;
        var version = new TransitionPlanVersionRow
        {
            Id = Guid.NewGuid(), PlanId = planRow.Id, OrganizationId = organizationId, Version = (planRow.Versions.Count == 0 ? 0 : planRow.Versions.Max(v => v.Version)) + 1,
            ContentJson = json, ContentSha256 = hash, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), SavedBy = actor, SavedAt = now.ToDateTimeOffset(),
        };
        var captured = planRow;
        await WriteAsync(organizationId, actor, newPlan ? "create" : "save", "transition-plan", planRow.Id, DescribeVersion(planRow, version), () =>
        {
            if (newPlan) { db.TransitionPlans.Add(captured); }
            db.TransitionPlanVersions.Add(version);
        }, ct);
        return Outcome<StoredPlanVersion>.Success(ToDomain(version));
    }

    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(Guid organizationId, CancellationToken ct = default)
    {
        var plans = await db.TransitionPlans.AsNoTracking().Include(p => p.Versions).Where(p => p.OrganizationId == organizationId).ToListAsync(ct);
        return plans.Select(p =>
        {
            var latest = p.Versions.MaxBy(v => v.Version)!;
            var approved = p.Versions.Where(v => v.ApprovedAt is not null).MaxBy(v => v.Version);
            return new PlanSummary(p.Id, p.Title, latest.Version, approved?.Version, Instant.FromDateTimeOffset(latest.SavedAt));
        }).OrderBy(p => p.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>A version of a plan (the latest when <paramref name="version"/> is null), or null.</summary>
    public async Task<StoredPlanVersion?> LoadPlanAsync(Guid organizationId, Guid planId, int? version = null, CancellationToken ct = default)
    {
        var q = db.TransitionPlanVersions.AsNoTracking().Where(v => v.OrganizationId == organizationId && v.PlanId == planId);
        var row = version is { } n ? await q.SingleOrDefaultAsync(v => v.Version == n, ct) : await q.OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<StoredPlanVersion>> VersionsAsync(Guid organizationId, Guid planId, CancellationToken ct = default)
    {
        var rows = await db.TransitionPlanVersions.AsNoTracking().Where(v => v.OrganizationId == organizationId && v.PlanId == planId).ToListAsync(ct);
        return rows.OrderBy(v => v.Version).Select(ToDomain).ToList();
    }

    /// <summary>Records the approval of one version (the board's resolution). Only the latest version can be approved,
    /// once; a later edit is a new version that needs its own approval.</summary>
    public async Task<Outcome<StoredPlanVersion>> ApprovePlanAsync(Guid organizationId, Guid planId, int version, string? approvingBody, LocalDate? approvalDate,
        string? resolution, string actor, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(approvingBody)) { problems.Add(Problem.AtField("approvingBody", "is required (e.g. the board of directors)", "必填（例如董事會）")); }
        if (approvalDate is null) { problems.Add(Problem.AtField("approvalDate", "is required (yyyy-MM-dd)", "必填（yyyy-MM-dd）")); }
        else if (approvalDate > clock.GetCurrentInstant().InUtc().Date.PlusDays(1))
        {
            problems.Add(Problem.AtField("approvalDate", "cannot be in the future", "不可為未來日期"));
        }
        if (string.IsNullOrWhiteSpace(resolution)) { problems.Add(Problem.AtField("resolution", "is required (how it was approved: the resolution)", "必填（核定程序／決議內容）")); }
        MaxLength(approvingBody?.Trim(), "approvingBody", ApprovingBodyMax, problems);
        MaxLength(resolution?.Trim(), "resolution", ResolutionMax, problems);
        if (problems.Count > 0) { return Outcome<StoredPlanVersion>.Failure(problems); }
        var versions = await db.TransitionPlanVersions.Where(v => v.OrganizationId == organizationId && v.PlanId == planId).ToListAsync(ct);
        var row = versions.SingleOrDefault(v => v.Version == version);
        if (row is null)
        {
            return Outcome<StoredPlanVersion>.Failure(Problem.AtField("version", string.Create(CultureInfo.InvariantCulture, $"plan {planId} has no version {version}"),
                string.Create(CultureInfo.InvariantCulture, $"轉型計畫 {planId} 沒有第 {version} 版")));
        }
        if (row.ApprovedAt is not null)
        {
            return Outcome<StoredPlanVersion>.Failure(Problem.AtField("version", string.Create(CultureInfo.InvariantCulture, $"version {version} is already approved"),
                string.Create(CultureInfo.InvariantCulture, $"第 {version} 版已核定")));
        }
        var latest = versions.Max(v => v.Version);
        if (version != latest)
        {
            return Outcome<StoredPlanVersion>.Failure(Problem.AtField("version", string.Create(CultureInfo.InvariantCulture, $"only the latest version ({latest}) can be approved"),
                string.Create(CultureInfo.InvariantCulture, $"僅能核定最新版（第 {latest} 版）")));
        }
        var now = clock.GetCurrentInstant();
        row.ApprovedBy = actor;
        row.ApprovedAt = now.ToDateTimeOffset();
        row.ApprovingBody = approvingBody!.Trim();
        row.ApprovalDate = approvalDate!.Value.ToDateOnly();
        row.Resolution = resolution!.Trim();
        await WriteAsync(organizationId, actor, "approve", "transition-plan", planId, LedgerContent.Of(new Dictionary<string, string?>
        {
            ["version"] = version.ToString(CultureInfo.InvariantCulture), ["contentSha256"] = row.ContentSha256, ["approvingBody"] = row.ApprovingBody,
            ["approvalDate"] = row.ApprovalDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["resolution"] = row.Resolution,
        }), () => { }, ct);
        return Outcome<StoredPlanVersion>.Success(ToDomain(row));
    }

    /// <summary>The figures a plan quotes: its referenced targets (with progress) and every inventory year.</summary>
    public async Task<PlanFigures> FiguresAsync(Guid organizationId, TransitionPlan plan, IReadOnlyList<InventoryFigures>? inventoryFigures = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var figures = inventoryFigures ?? await InventoryFiguresAsync(organizationId, ct);
        var ids = plan.TargetIds ?? [];
        var targets = new List<PlanTarget>();
        foreach (var stored in (await ListTargetsAsync(organizationId, ct)).Where(t => ids.Contains(t.Id)))
        {
            var progress = await ProgressAsync(organizationId, stored, figures, ct);
            targets.Add(new PlanTarget(stored.Id, stored.Target, progress.Succeeded ? progress.Value : null));
        }
        return new PlanFigures(targets, figures);
    }

    // ---------------------------------------------------------------- mapping

    /// <summary>The approval recorded on a version is also the plan's 五(一) when the content leaves it empty.</summary>
    private static StoredPlanVersion ToDomain(TransitionPlanVersionRow row)
    {
        var plan = PlanJson.Deserialize(row.ContentJson).Value;
        PlanApproval? approval = null;
        if (row.ApprovedAt is { } at)
        {
            approval = new PlanApproval(row.ApprovingBody!, LocalDate.FromDateOnly(row.ApprovalDate!.Value), row.Resolution!, row.ApprovedBy!, Instant.FromDateTimeOffset(at));
            var g = plan.Governance ?? new PlanGovernance();
            plan = plan with
            {
                Governance = g with
                {
                    ApprovingBody = string.IsNullOrWhiteSpace(g.ApprovingBody) ? approval.ApprovingBody : g.ApprovingBody,
                    ApprovalDate = g.ApprovalDate ?? approval.ApprovalDate,
                    ApprovalProcedure = string.IsNullOrWhiteSpace(g.ApprovalProcedure) ? approval.Resolution : g.ApprovalProcedure,
                },
            };
        }
        return new StoredPlanVersion(row.PlanId, row.Version, plan, row.ContentSha256, row.Note, row.SavedBy, Instant.FromDateTimeOffset(row.SavedAt), approval);
    }

    private static StoredTarget ToDomain(TargetRow row)
    {
        var scopes = row.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => (Scope)int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var denominator = row.DenominatorName is null ? null : new IntensityDenominator(row.DenominatorName, row.DenominatorUnit ?? "", row.DenominatorBaseAmount ?? 0m);
        var target = GhgTarget.Create(row.Name, Enum.Parse<TargetKind>(row.Kind), scopes, row.BaseYear, row.BaseYearEmissions, row.TargetYear, row.Reduction,
            PlanJson.DeserializeMethod(row.MethodJson), denominator, Enum.Parse<Scope2Method>(row.Scope2Basis), row.Coverage).Value;
        return new StoredTarget(row.Id, target, row.BaseYearSource, ReadYearData(row.YearDataJson), row.CreatedBy, Instant.FromDateTimeOffset(row.CreatedAt));
    }

    private static List<TargetYearData> ReadYearData(string json) => JsonSerializer.Deserialize<List<TargetYearData>>(json, PlanJson.Options) ?? [];

    private static string DescribeTarget(TargetRow row) => LedgerContent.Of(new Dictionary<string, string?>
    {
        ["name"] = row.Name, ["kind"] = row.Kind, ["scopes"] = row.Scopes, ["scope2Basis"] = row.Scope2Basis,
        ["baseYear"] = row.BaseYear.ToString(CultureInfo.InvariantCulture), ["baseYearEmissions"] = LedgerContent.Decimal(row.BaseYearEmissions),
        ["baseYearSource"] = row.BaseYearSource, ["targetYear"] = row.TargetYear.ToString(CultureInfo.InvariantCulture),
        ["reduction"] = LedgerContent.Decimal(row.Reduction), ["method"] = row.MethodJson, ["coverage"] = LedgerContent.Decimal(row.Coverage),
        ["denominator"] = row.DenominatorName is null ? null : $"{row.DenominatorName} ({row.DenominatorUnit}) {LedgerContent.Decimal(row.DenominatorBaseAmount ?? 0m)}",
        ["yearData"] = row.YearDataJson,
    });

    private static string DescribeVersion(TransitionPlanRow plan, TransitionPlanVersionRow v) => LedgerContent.Of(new Dictionary<string, string?>
    {
        ["title"] = plan.Title, ["version"] = v.Version.ToString(CultureInfo.InvariantCulture), ["contentSha256"] = v.ContentSha256, ["note"] = v.Note,
    });

    private static void MaxLength(string? text, string field, int max, List<Problem> problems)
    {
        if (text is { Length: var n } && n > max) { problems.Add(Problem.TooLong(field, max)); }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private Task WriteAsync(Guid organizationId, string actor, string action, string kind, Guid id, string content, Action change, CancellationToken ct) =>
        LedgerWriter.WriteOneAsync(db, organizationId, clock.GetCurrentInstant(), actor, action, kind, id, content, change, ct);
}
