using CarbonLedger.Common;
using NodaTime;

namespace CarbonLedger.Pricing;

/// <summary>The four internal carbon pricing types of seed 004 三 (CDP / World Bank vocabulary).</summary>
public enum IcpType
{
    /// <summary>影子碳價: a hypothetical cost used in appraisals; no money moves.</summary>
    ShadowPrice,
    /// <summary>內部費用: a fee per tCO2e charged to units into a carbon fund.</summary>
    InternalFee,
    /// <summary>內部交易: allowances per unit, traded between units.</summary>
    InternalTrading,
    /// <summary>隱含價格: what past projects cost per tonne they abated.</summary>
    ImplicitPrice,
}

/// <summary>A price change of a policy (seed 004 八.1 定期檢討碳定價).</summary>
public sealed record PriceChange(LocalDate EffectiveFrom, CarbonPrice Price, string Reason);

/// <summary>An organization's ICP policy: type, price history, scopes covered, review schedule.</summary>
public sealed record IcpPolicy
{
    public IcpPolicy(string name, IcpType type, IReadOnlyList<PriceChange> prices, IReadOnlySet<int> scopes, int reviewEveryMonths, LocalDate? effectiveTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(scopes);
        if (prices.Count == 0) { throw new DomainException("prices", "a policy needs at least one price", "碳定價政策至少須有一個價格"); }
        if (prices.Select(p => p.Price.Currency).Distinct().Count() > 1) { throw new DomainException("prices", "all prices of a policy are in one currency", "同一政策的所有價格須為同一幣別"); }
        if (prices.Any(p => p.Price.PerTonne.Amount < 0m)) { throw new DomainException("prices", "a carbon price cannot be negative", "碳價不可為負值"); }
        if (prices.Select(p => p.EffectiveFrom).Distinct().Count() != prices.Count) { throw new DomainException("prices", "two prices take effect on the same day", "有兩個價格在同一天生效"); }
        if (scopes.Count == 0 || scopes.Any(s => s is < 1 or > 3)) { throw new DomainException("scopes", "scopes covered are 1, 2 and/or 3", "涵蓋範疇須為範疇一、二及／或三"); }
        if (reviewEveryMonths is < 1 or > 120) { throw new DomainException("reviewEveryMonths", "between 1 and 120 months", "須介於 1 至 120 個月"); }
        var ordered = prices.OrderBy(p => p.EffectiveFrom).ToList();
        if (effectiveTo is { } end && end < ordered[0].EffectiveFrom) { throw new DomainException("effectiveTo", "is before the first price takes effect", "早於第一個價格的生效日"); }
        Name = name;
        Type = type;
        Prices = ordered;
        Scopes = scopes;
        ReviewEveryMonths = reviewEveryMonths;
        EffectiveTo = effectiveTo;
    }

    public string Name { get; }
    public IcpType Type { get; }
    public IReadOnlyList<PriceChange> Prices { get; }
    public IReadOnlySet<int> Scopes { get; }
    public int ReviewEveryMonths { get; }
    public LocalDate? EffectiveTo { get; }

    /// <summary>The price in force on <paramref name="date"/>, or null before the first price or after the policy ends.</summary>
    public CarbonPrice? PriceOn(LocalDate date)
    {
        if (EffectiveTo is { } end && date > end) { return null; }
        return Prices.LastOrDefault(p => p.EffectiveFrom <= date)?.Price;
    }

    /// <summary>The next review: the latest price change plus the review interval.</summary>
    public LocalDate NextReview => Prices[^1].EffectiveFrom.PlusMonths(ReviewEveryMonths);
}

/// <summary>A unit (department, facility) and its emissions for the period, from the inventory.</summary>
public sealed record UnitEmissions(string Unit, decimal Tonnes);

/// <summary>One line of a carbon fund's ledger.</summary>
public sealed record FundEntry(LocalDate Date, string Kind, string Counterparty, Money Amount, Money Balance, string Note);

/// <summary>Internal fee (內部費用): units are charged emissions × price into a carbon fund, which spends on projects.
/// The fund never goes below zero; a spend larger than the balance is refused with the shortfall.</summary>
public sealed class CarbonFund
{
    private readonly List<FundEntry> _entries = [];

    public CarbonFund(Currency currency) => Currency = currency ?? throw new ArgumentNullException(nameof(currency));

    public Currency Currency { get; }

    public IReadOnlyList<FundEntry> Entries => _entries;

    public Money Balance => _entries.Count == 0 ? Money.Zero(Currency) : _entries[^1].Balance;

    /// <summary>Charges every unit its emissions × price on <paramref name="date"/>.</summary>
    public IReadOnlyList<FundEntry> Charge(LocalDate date, IEnumerable<UnitEmissions> units, CarbonPrice price, string period)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (price.Currency != Currency) { throw new DomainException("price", $"the fund is in {Currency}, the price in {price.Currency}", $"碳基金的幣別為 {Currency}，價格的幣別為 {price.Currency}"); }
        var added = new List<FundEntry>();
        foreach (var u in units)
        {
            if (u.Tonnes < 0m) { throw new DomainException(u.Unit, "emissions cannot be negative", "排放量不可為負值"); }
            var amount = price.ValueOf(u.Tonnes).Round(0);
            var entry = new FundEntry(date, "charge", u.Unit, amount, Balance + amount, $"{u.Tonnes:0.###} tCO2e × {price} ({period})");
            _entries.Add(entry);
            added.Add(entry);
        }
        return added;
    }

    /// <summary>Replays a stored charge (amount already computed when it was charged).</summary>
    public FundEntry Record(LocalDate date, string unit, Money amount, string note)
    {
        if (amount.Currency != Currency) { throw new DomainException("amount", $"the fund is in {Currency}", $"碳基金的幣別為 {Currency}"); }
        var entry = new FundEntry(date, "charge", unit, amount, Balance + amount, note);
        _entries.Add(entry);
        return entry;
    }

    public Outcome<FundEntry> Spend(LocalDate date, string project, Money amount, string note)
    {
        if (amount.Currency != Currency) { return Outcome<FundEntry>.Failure([Problem.AtField("amount", $"the fund is in {Currency}", $"碳基金的幣別為 {Currency}")]); }
        if (amount.Amount <= 0m) { return Outcome<FundEntry>.Failure([Problem.AtField("amount", "must be positive", "必須為正數")]); }
        if (amount > Balance)
        {
            return Outcome<FundEntry>.Failure([Problem.AtField("amount", $"the fund holds {Balance}; {amount - Balance} short",
                $"碳基金餘額為 {Balance}，尚缺 {amount - Balance}")]);
        }
        var entry = new FundEntry(date, "spend", project, -amount, Balance - amount, note);
        _entries.Add(entry);
        return Outcome<FundEntry>.Success(entry);
    }
}

/// <summary>A transfer of allowances between units at a price.</summary>
public sealed record AllowanceTransfer(string From, string To, decimal Tonnes, CarbonPrice Price);

/// <summary>A unit's compliance position under internal trading.</summary>
public sealed record CompliancePosition(string Unit, decimal Allocated, decimal Bought, decimal Sold, decimal Held, decimal Emissions,
    decimal SurplusTonnes, Money CashFlow, bool Compliant);

/// <summary>Internal trading (內部交易): each unit gets an allowance; units trade; a unit complies when allowances
/// held (allocated + bought − sold) cover its emissions. Cash: sellers receive tonnes × price, buyers pay it.</summary>
public static class InternalTrading
{
    public static Outcome<IReadOnlyList<CompliancePosition>> Positions(IReadOnlyDictionary<string, decimal> allocations,
        IReadOnlyList<AllowanceTransfer> transfers, IReadOnlyList<UnitEmissions> emissions, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(emissions);
        var problems = new List<Problem>();
        foreach (var (unit, tonnes) in allocations.Where(a => a.Value < 0m)) { problems.Add(Problem.AtField(unit, $"allocation cannot be negative ({tonnes})", $"額度不可為負值（{tonnes}）")); }
        var held = allocations.ToDictionary(a => a.Key, a => a.Value);
        var bought = allocations.Keys.ToDictionary(k => k, _ => 0m);
        var sold = allocations.Keys.ToDictionary(k => k, _ => 0m);
        var cash = allocations.Keys.ToDictionary(k => k, _ => Money.Zero(currency));
        for (var i = 0; i < transfers.Count; i++)
        {
            var t = transfers[i];
            var where = $"transfer {i + 1}";
            if (!held.ContainsKey(t.From)) { problems.Add(Problem.AtField(where, $"'{t.From}' has no allocation", $"「{t.From}」沒有額度")); continue; }
            if (!held.ContainsKey(t.To)) { problems.Add(Problem.AtField(where, $"'{t.To}' has no allocation", $"「{t.To}」沒有額度")); continue; }
            if (t.From == t.To) { problems.Add(Problem.AtField(where, "a unit cannot trade with itself", "部門不可與自己交易")); continue; }
            if (t.Tonnes <= 0m) { problems.Add(Problem.AtField(where, "tonnes must be positive", "噸數必須為正數")); continue; }
            if (t.Price.Currency != currency) { problems.Add(Problem.AtField(where, $"price in {t.Price.Currency}, book in {currency}", $"價格的幣別為 {t.Price.Currency}，帳簿的幣別為 {currency}")); continue; }
            if (t.Tonnes > held[t.From]) { problems.Add(Problem.AtField(where, $"'{t.From}' holds {held[t.From]} t, cannot sell {t.Tonnes} t",
                $"「{t.From}」持有 {held[t.From]} 公噸，無法賣出 {t.Tonnes} 公噸")); continue; }
            held[t.From] -= t.Tonnes;
            held[t.To] += t.Tonnes;
            sold[t.From] += t.Tonnes;
            bought[t.To] += t.Tonnes;
            var value = t.Price.ValueOf(t.Tonnes);
            cash[t.From] += value;
            cash[t.To] -= value;
        }
        var emitted = emissions.ToDictionary(e => e.Unit, e => e.Tonnes);
        foreach (var e in emissions.Where(e => !allocations.ContainsKey(e.Unit))) { problems.Add(Problem.AtField(e.Unit, "emits but has no allocation", "有排放但沒有額度")); }
        if (problems.Count > 0) { return Outcome<IReadOnlyList<CompliancePosition>>.Failure(problems); }
        return Outcome<IReadOnlyList<CompliancePosition>>.Success(allocations.Keys.Order(StringComparer.Ordinal).Select(u =>
        {
            var e = emitted.GetValueOrDefault(u);
            return new CompliancePosition(u, allocations[u], bought[u], sold[u], held[u], e, held[u] - e, cash[u], held[u] >= e);
        }).ToList());
    }
}

/// <summary>A completed project with its cost and the abatement it realised.</summary>
public sealed record CompletedProject(string Name, Money Cost, decimal RealisedAbatementTonnes);

/// <summary>Implicit price (隱含價格): cost ÷ realised abatement, per project and over all of them.</summary>
public static class ImplicitPrice
{
    public static Outcome<(IReadOnlyList<(string Project, CarbonPrice Price)> PerProject, CarbonPrice Overall)> Of(IReadOnlyList<CompletedProject> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var problems = new List<Problem>();
        if (projects.Count == 0) { problems.Add(Problem.AtField("projects", "give at least one completed project", "請至少提供一個已完成的專案")); }
        foreach (var p in projects.Where(p => p.RealisedAbatementTonnes <= 0m)) { problems.Add(Problem.AtField(p.Name, "realised abatement must be positive", "實際減碳量必須為正數")); }
        foreach (var p in projects.Where(p => p.Cost.Amount < 0m)) { problems.Add(Problem.AtField(p.Name, "cost cannot be negative", "成本不可為負值")); }
        if (projects.Select(p => p.Cost.Currency).Distinct().Count() > 1) { problems.Add(Problem.AtField("currency", "projects are in more than one currency", "專案使用了不只一種幣別")); }
        if (problems.Count > 0) { return Outcome<(IReadOnlyList<(string, CarbonPrice)>, CarbonPrice)>.Failure(problems); }
        var per = projects.Select(p => (p.Name, new CarbonPrice(p.Cost / p.RealisedAbatementTonnes))).ToList();
        var total = projects.Aggregate(Money.Zero(projects[0].Cost.Currency), (m, p) => m + p.Cost);
        var overall = new CarbonPrice(total / projects.Sum(p => p.RealisedAbatementTonnes));
        return Outcome<(IReadOnlyList<(string, CarbonPrice)>, CarbonPrice)>.Success((per, overall));
    }
}
