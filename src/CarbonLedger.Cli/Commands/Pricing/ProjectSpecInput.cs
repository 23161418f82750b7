using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Common;
using CarbonLedger.Pricing;
using Sylvan.Data.Csv;

namespace CarbonLedger.Cli.Commands.Pricing;

/// <summary>The options that describe a project (seed 004 案例一's inputs), a JSON or CSV spec file they may override, and
/// how a problem's field maps back to the option a user typed.</summary>
internal sealed class ProjectSpecInput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>ProjectSpec / ProjectInputs field → the option that sets it.</summary>
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["name"] = "--name", ["capex"] = "--capex", ["horizonYears"] = "--years", ["firstYear"] = "--first-year", ["annualEnergySaved"] = "--energy-saved",
        ["energyUnit"] = "--unit", ["annualDirectAbatementTonnes"] = "--direct-abatement", ["tariffPerKwh"] = "--tariff", ["tariffEscalation"] = "--escalation",
        ["discountRate"] = "--discount", ["annualOperatingCost"] = "--opex", ["carbonPrice"] = "--price", ["carbonPriceEscalation"] = "--price-escalation",
        ["gridFactor"] = "--grid-key/--grid-factor", ["gridFactorKey"] = "--grid-key", ["gridFactorKgPerKwh"] = "--grid-factor", ["currency"] = "--currency",
    };

    public Option<string?> Spec { get; } = new("--spec") { Description = "A project spec file: JSON (ProjectSpec fields) or CSV (header of ProjectSpec fields, first row); options given override it", HelpName = "file" };
    public Option<string?> Name { get; } = new("--name") { Description = "Project name (e.g. chiller)" };
    public Option<string?> Capex { get; } = new("--capex") { Description = "Investment at the start of the first year (e.g. 1000000)", HelpName = "amount" };
    public Option<string?> Years { get; } = new("--years") { Description = "Horizon in years (1-100)", HelpName = "n" };
    public Option<string?> FirstYear { get; } = new("--first-year") { Description = "First calendar year of savings (default: this year)", HelpName = "yyyy" };
    public Option<string?> EnergySaved { get; } = new("--energy-saved") { Description = "Energy saved per year, in --unit (e.g. 16243)", HelpName = "quantity" };
    public Option<string?> Unit { get; } = new("--unit") { Description = "Unit of --energy-saved: kWh, MWh, GJ, 度 … (default kWh)" };
    public Option<string?> DirectAbatement { get; } = new("--direct-abatement") { Description = "Emissions avoided directly per year, tCO2e (e.g. a refrigerant change)", HelpName = "tCO2e" };
    public Option<string?> Tariff { get; } = new("--tariff") { Description = "Energy tariff in the first year, per kWh (e.g. 4.1177)", HelpName = "amount" };
    public Option<string?> Escalation { get; } = new("--escalation") { Description = "Tariff escalation per year as a fraction (0.05 = 5 %)", HelpName = "rate" };
    public Option<string?> GridFactor { get; } = new("--grid-factor") { Description = "A fixed grid factor in kgCO2e/kWh for every year (e.g. 0.474); default: the factor library by year", HelpName = "kg/kWh" };
    public Option<string?> GridKey { get; } = new("--grid-key") { Description = "Factor library key of the grid factor (default tw-grid, Taipower by year)" };
    public Option<string?> Price { get; } = new("--price") { Description = "Internal carbon price per tCO2e (e.g. 1500)", HelpName = "amount" };
    public Option<string?> PriceEscalation { get; } = new("--price-escalation") { Description = "Carbon price growth per year as a fraction (default 0)", HelpName = "rate" };
    public Option<string?> Discount { get; } = new("--discount") { Description = "Discount rate as a fraction (0.05 = 5 %)", HelpName = "rate" };
    public Option<string?> Opex { get; } = new("--opex") { Description = "O&M cost per year (default 0)", HelpName = "amount" };
    public Option<string?> Currency { get; } = new("--currency") { Description = "ISO 4217 currency of every amount (default TWD; NTD accepted)" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Spec, Name, Capex, Years, FirstYear, EnergySaved, Unit, DirectAbatement, Tariff, Escalation, GridFactor, GridKey, Price, PriceEscalation, Discount, Opex, Currency })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>The spec from the file (if any) with every option given laid over it.</summary>
    public ProjectSpec Read(ParseResult parse, int defaultFirstYear)
    {
        var spec = parse.GetValue(Spec) is { } file ? ReadFile(file) : new ProjectSpec { FirstYear = defaultFirstYear };
        if (spec.FirstYear == 0) { spec = spec with { FirstYear = defaultFirstYear }; }
        return spec with
        {
            Name = parse.GetValue(Name) ?? spec.Name,
            Capex = Number(parse, Capex) ?? spec.Capex,
            HorizonYears = Integer(parse, Years) ?? spec.HorizonYears,
            FirstYear = Integer(parse, FirstYear) ?? spec.FirstYear,
            EnergySaved = Number(parse, EnergySaved) ?? spec.EnergySaved,
            EnergyUnit = parse.GetValue(Unit) ?? spec.EnergyUnit,
            DirectAbatementTonnes = Number(parse, DirectAbatement) ?? spec.DirectAbatementTonnes,
            TariffPerKwh = Number(parse, Tariff) ?? spec.TariffPerKwh,
            TariffEscalation = Number(parse, Escalation) ?? spec.TariffEscalation,
            GridFactorKgPerKwh = Number(parse, GridFactor) ?? spec.GridFactorKgPerKwh,
            GridFactorKey = parse.GetValue(GridKey) ?? spec.GridFactorKey,
            CarbonPricePerTonne = Number(parse, Price) ?? spec.CarbonPricePerTonne,
            CarbonPriceEscalation = Number(parse, PriceEscalation) ?? spec.CarbonPriceEscalation,
            DiscountRate = Number(parse, Discount) ?? spec.DiscountRate,
            OperatingCost = Number(parse, Opex) ?? spec.OperatingCost,
            Currency = parse.GetValue(Currency) ?? spec.Currency,
        };
    }

    /// <summary>"horizonYears (--years): must be …" — the field as the API names it and the option that sets it.</summary>
    public static string Describe(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Location.File is null && problem.Location.Field is { } field && OptionOf.TryGetValue(field, out var option))
        {
            return $"{field} ({option}): {problem.Message}";
        }
        return CliRun.Format(problem);
    }

    public static decimal? Number(ParseResult parse, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        var text = parse.GetValue(option);
        if (text is null) { return null; }
        return ParseNumber(text) ?? throw new CliUsageException($"{option.Name}: '{text}' is not a number (use . for decimals, e.g. 4.1177)");
    }

    public static int? Integer(ParseResult parse, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        var text = parse.GetValue(option);
        if (text is null) { return null; }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw new CliUsageException($"{option.Name}: '{text}' is not a whole number");
    }

    /// <summary>A comma-separated list of numbers ("300,1200,1500"); a bad item names the option and the item.</summary>
    public static IReadOnlyList<decimal> Numbers(ParseResult parse, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        if (parse.GetValue(option) is not { } text) { return []; }
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => ParseNumber(t) ?? throw new CliUsageException($"{option.Name}: '{t}' is not a number")).ToList();
    }

    public static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static ProjectSpec ReadFile(string path)
    {
        if (!File.Exists(path)) { throw new CliFailureException($"--spec: {path} does not exist"); }
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var rows = ReadCsv(path);
            if (!rows.Succeeded) { throw new CliFailureException(string.Join("; ", rows.Problems.Select(CliRun.Format))); }
            return rows.Value.Count > 0 ? rows.Value[0] : throw new CliFailureException($"{path}: has a header but no project row");
        }
        try
        {
            return JsonSerializer.Deserialize<ProjectSpec>(File.ReadAllText(path), Json) ?? throw new CliFailureException($"{path}: is empty");
        }
        catch (JsonException ex)
        {
            throw new CliFailureException($"{path}: not a project spec in JSON ({ex.Message})");
        }
    }

    /// <summary>Project specs from a CSV whose header names <see cref="ProjectSpec"/> fields (any case; name, capex,
    /// horizonYears, firstYear, energySaved, energyUnit, tariffPerKwh, tariffEscalation, discountRate, operatingCost,
    /// carbonPricePerTonne, gridFactorKgPerKwh, …); every bad cell is reported with its row and column.</summary>
    public static Outcome<IReadOnlyList<ProjectSpec>> ReadCsv(string path)
    {
        var fields = typeof(ProjectSpec).GetProperties().Where(p => p.CanWrite).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        using var reader = File.OpenText(path);
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        var problems = new List<Problem>();
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
        var known = fields.Keys.Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        foreach (var h in header.Where(h => h.Length > 0 && !fields.ContainsKey(h)))
        {
            problems.Add(new Problem(new ProblemLocation(path, null, 1, h), $"unknown column (use {string.Join(", ", known)})",
                $"未知的欄（可用：{string.Join("、", known)}）"));
        }
        if (!header.Contains("name", StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new Problem(new ProblemLocation(path, null, 1, "name"), "the name column is required", "必須有 name 欄"));
        }
        if (problems.Count > 0) { return Outcome<IReadOnlyList<ProjectSpec>>.Failure(problems); }
        var specs = new List<ProjectSpec>();
        var row = 1;
        while (csv.Read())
        {
            row++;
            var spec = new ProjectSpec();
            object boxed = spec;
            var any = false;
            for (var i = 0; i < header.Count; i++)
            {
                var text = csv.GetString(i).Trim();
                if (text.Length == 0) { continue; }
                any = true;
                var property = fields[header[i]];
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                object? value = null;
                if (type == typeof(string)) { value = text; }
                else if (type == typeof(decimal)) { value = ParseNumber(text); }
                else if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) { value = n; }
                if (value is null)
                {
                    problems.Add(new Problem(new ProblemLocation(path, null, row, header[i]), $"'{text}' is not a {(type == typeof(int) ? "whole number" : "number")}",
                        $"「{text}」不是{(type == typeof(int) ? "整數" : "數字")}"));
                    continue;
                }
                property.SetValue(boxed, value);
            }
            if (any) { specs.Add((ProjectSpec)boxed); }
        }
        return problems.Count > 0 ? Outcome<IReadOnlyList<ProjectSpec>>.Failure(problems) : Outcome<IReadOnlyList<ProjectSpec>>.Success(specs);
    }
}
