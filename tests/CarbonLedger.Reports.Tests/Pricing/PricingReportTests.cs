using System.Text;
using CarbonLedger.Factors;
using CarbonLedger.Pricing;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Pricing;
using MiniExcelLibs;

namespace CarbonLedger.Reports.Tests.Pricing;

/// <summary>Seed 004 case 1 (lab chiller) as an appraisal report in HTML, .xlsx and PDF. The PDF test shares
/// <see cref="PdfFonts"/>' static configuration with the inventory PDF tests, so this class runs alone
/// (<see cref="PdfFontsCollection"/>).</summary>
[Collection(PdfFontsCollection.Name)]
public sealed class PricingReportTests
{
    // Seed 004 case 1: 16,243 kWh/yr, Taipower 2024 factor 0.474 kg/kWh, NTD 1,500/t, 5 %/yr tariff escalation; the first-year
    // tariff NTD 4.1177/kWh is implied by the seed's five-year saving (SPEC §5); discount 5 %, 5 years from 2026.
    private static readonly ProjectSpec Chiller = new()
    {
        Name = "chiller", Capex = 1_000_000m, HorizonYears = 5, FirstYear = 2026, EnergySaved = 16_243m, EnergyUnit = "kWh", TariffPerKwh = 4.1177m,
        TariffEscalation = 0.05m, GridFactorKgPerKwh = 0.474m, CarbonPricePerTonne = 1500m, DiscountRate = 0.05m,
    };

    private static PricingReportModel Model(ReportLanguage language, bool withMacc = false)
    {
        var appraisal = SpecAppraisal.Run(Chiller, ReferenceLibrary.Default).Value;
        var prices = new[] { 300m, 1500m }.Select(CarbonPrice.Twd).ToList();
        var lighting = SpecAppraisal.Run(Chiller with { Name = "LED lighting", Capex = 100_000m, EnergySaved = 40_000m }, ReferenceLibrary.Default).Value;
        return new PricingReportModel
        {
            Language = language, Title = "chiller", OrganizationName = "友訊科技", GeneratedAt = "2026-01-05T09:00:00Z", Appraisal = appraisal,
            Stress = StressTest.Run(appraisal.Inputs, prices).Value,
            Macc = withMacc ? Macc.Build([appraisal, lighting]).Value : null, MaccPrice = withMacc ? CarbonPrice.Twd(1500m) : null,
            Disclosures = [PricingReportModel.ShadowPriceOf(appraisal, language)],
        };
    }

    [Fact]
    public void Html_SeedCase1_PrintsTheSeedFiguresNpvAndDisclosure()
    {
        // Given seed 004 case 1 in English
        // When rendered as HTML
        var html = PricingHtmlReport.Render(Model(ReportLanguage.English));

        // Then the yearly abatement 16,243 × 0.474 / 1,000 = 7.699182 t prints as 7.699 and its value 7.699182 × 1,500 =
        // 11,548.773 as 11,549 (the seed's NTD 11,549/yr);
        html.ShouldContain("7.699");
        html.ShouldContain("11,549");
        // the five-year saving 16,243 × 4.1177 × (1 + 1.05 + 1.05² + 1.05³ + 1.05⁴) = 66,883.8011 × 5.52563125 = 369,575.22
        html.ShouldContain("369,575");
        // NPV without ICP: with escalation = discount rate every year's saving discounts to 66,883.8011 / 1.05, so
        // 5 × 63,698.858… − 1,000,000 = −681,505.71; with ICP add 11,548.773 × annuity(5 y, 5 %) 4.3294767 = 50,000.14 → −631,505.57
        html.ShouldContain("-681,506");
        html.ShouldContain("-631,506");
        // abatement cost = 681,505.71 / (7.699182 × 5) = 17,703.33 per tonne
        html.ShouldContain("17,703");
        // the stress test, the cash-flow chart and the ESRS E1-8 / IFRS S2 29(f) block with the shadow price
        html.ShouldContain("Stress test");
        html.ShouldContain("<svg");
        html.ShouldContain("ESRS E1-8");
        html.ShouldContain("Shadow price");
        html.ShouldContain("TWD 1,500/tCO2e");
    }

    [Fact]
    public void Html_ZhTwWithMacc_HasChineseLabelsAndCurveChart()
    {
        // Given the chiller and a cheaper LED project, read at NTD 1,500
        // When rendered in zh-TW
        var html = PricingHtmlReport.Render(Model(ReportLanguage.ZhTw, withMacc: true));

        // Then the labels are the seed's terms and the MACC section lists both projects
        html.ShouldContain("lang=\"zh-TW\"");
        html.ShouldContain("減排價值");
        html.ShouldContain("邊際減量成本曲線");
        html.ShouldContain("LED lighting");
        html.ShouldContain("影子碳價");
        html.Split("<svg").Length.ShouldBe(3, "a cash-flow chart and a MACC chart");
    }

    [Fact]
    public void Xlsx_SeedCase1_OpensWithNumbersInTheYearsSheet()
    {
        // Given / When
        using var stream = new MemoryStream();
        PricingReports.Render(Model(ReportLanguage.English, withMacc: true), ReportFormat.Xlsx, stream);
        stream.Position = 0;

        // Then the workbook opens with its five sheets, and year 1's carbon value is the exact 16,243 × 0.474 / 1,000 × 1,500
        stream.GetSheetNames().ShouldBe(["Summary", "Years", "Stress test", "MACC", "Disclosure"]);
        var years = stream.Query(useHeaderRow: true, sheetName: "Years").Cast<IDictionary<string, object>>().ToList();
        years.Count.ShouldBe(6, "year 0 (capex) and five years");
        Convert.ToDecimal(years[1]["Carbon value"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(16_243m * 0.474m / 1000m * 1500m);
        Convert.ToDecimal(years[0]["Cash flow without ICP"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(-1_000_000m);
    }

    [Fact]
    public void Pdf_SeedCase1_IsAPdfDocument()
    {
        // Given / When
        using var stream = new MemoryStream();
        PricingReports.Render(Model(ReportLanguage.ZhTw, withMacc: true), ReportFormat.Pdf, stream);
        var bytes = stream.ToArray();

        // Then "%PDF-" first and "%%EOF" last (ISO 32000-1 7.5.2, 7.5.5), with at least one page object
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        Encoding.ASCII.GetString(bytes).TrimEnd().ShouldEndWith("%%EOF");
        Encoding.ASCII.GetString(bytes).ShouldContain("/Type /Page");
    }

    [Fact]
    public void Strings_BothLanguages_HaveEveryKey()
    {
        // Given every PricingText key / When looked up in both tables / Then none is missing
        foreach (var key in Enum.GetValues<PricingText>())
        {
            PricingStrings.For(ReportLanguage.English)[key].ShouldNotBeNullOrWhiteSpace();
            PricingStrings.For(ReportLanguage.ZhTw)[key].ShouldNotBeNullOrWhiteSpace();
        }
    }
}

/// <summary>Runs after the parallel test classes, so no other class reconfigures <see cref="PdfFonts"/> meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PdfFontsCollection
{
    public const string Name = "PdfFonts (static configuration)";
}
