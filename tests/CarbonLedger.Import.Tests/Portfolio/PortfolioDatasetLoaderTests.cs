using CarbonLedger.Import.Portfolio;
using CarbonLedger.Portfolio;
using MiniExcelLibs;

namespace CarbonLedger.Import.Tests.Portfolio;

public sealed class PortfolioDatasetLoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cl-portfolio-" + Guid.NewGuid().ToString("N"));

    public PortfolioDatasetLoaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name + ".csv"), text);

    [Fact]
    public void LoadDirectory_ValidFiles_BuildsProfilesAndForecastsMediaTek()
    {
        // Seed 001 §2.1 MediaTek inputs, as files.
        Write("constituents", "company,weight_pct,sector\n聯發科,60,Semis\nX,40,Banks\n");
        Write("emissions", "company,year,scope12_t\n聯發科,2019,51080\n聯發科,2020,46410\n聯發科,2023,92300\nX,2023,1000\n");
        Write("targets", "company,kind,base_year,base_value,reduction_pct,target_year\n聯發科,absolute,2020,,40,2030\n");
        Write("companies", "company,temperature_c,revenue_forecast_year,revenue_forecast\n聯發科,1.44,,\n");

        var outcome = PortfolioDatasetLoader.LoadDirectory(_dir);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        var mediaTek = outcome.Value.Companies["聯發科"];
        mediaTek.Sector.ShouldBe("Semis");
        var f = EmissionForecaster.Forecast(mediaTek, ForecastOptions.Thesis(2024));
        Math.Round(f.Method2.Tonnes!.Value).ShouldBe(83_274m); // 92,300 − (92,300 − 29,115.6)/7
        outcome.Value.Constituents.Sum(c => c.Weight).ShouldBe(1m);
    }

    [Fact]
    public void LoadDirectory_BadValues_ReportsEveryProblemWithFileRowColumn()
    {
        Write("constituents", "company,weight_pct\nA,50\nB,45\nC,abc\n");
        Write("emissions", "company,year,scope12_t\nA,2023,-5\nB,2023,100\n");
        Write("targets", "company,kind,base_year,reduction_pct,target_year\nA,absolute,2020,40,2018\nB,relative,2020,40,2030\n");

        var outcome = PortfolioDatasetLoader.LoadDirectory(_dir);

        outcome.Succeeded.ShouldBeFalse();
        var text = outcome.Problems.Select(p => p.ToString()).ToList();
        // weight 'abc' (row 4), weights 95 % ≠ 100 %, negative emissions (row 2), missing emissions for… (A has a bad row,
        // so it has none), target year before base year (row 2), unknown kind (row 3): all in one pass.
        text.ShouldContain(t => t.StartsWith("constituents.csv, row 4, column 'weight_pct'", StringComparison.Ordinal) && t.Contains("not a number"));
        text.ShouldContain(t => t.StartsWith("constituents.csv, column 'weight_pct'", StringComparison.Ordinal) && t.Contains("not 100 %"));
        text.ShouldContain(t => t.StartsWith("emissions.csv, row 2, column 'scope12_t'", StringComparison.Ordinal) && t.Contains("must not be negative"));
        text.ShouldContain(t => t.StartsWith("emissions.csv, column 'company'", StringComparison.Ordinal) && t.Contains("'A'"));
        text.ShouldContain(t => t.StartsWith("targets.csv, row 2, column 'target_year'", StringComparison.Ordinal) && t.Contains("not after the base year"));
        text.ShouldContain(t => t.StartsWith("targets.csv, row 3, column 'kind'", StringComparison.Ordinal));
        outcome.Problems.Count.ShouldBe(6);
    }

    [Fact]
    public void LoadDirectory_MissingConstituentInEmissions_NamesTheCompany()
    {
        Write("constituents", "company,weight\nA,0.5\nB,0.5\n");
        Write("emissions", "company,year,scope12_t\nA,2023,10\n");

        var outcome = PortfolioDatasetLoader.LoadDirectory(_dir);

        outcome.Problems.Single().ToString().ShouldBe("emissions.csv, column 'company': constituent 'B' (constituents row 3) has no emissions");
    }

    [Fact]
    public void LoadDirectory_RiskModelFiles_AreValidated()
    {
        Write("constituents", "company,weight\nA,0.5\nB,0.5\n");
        Write("emissions", "company,year,scope12_t\nA,2023,10\nB,2023,20\n");
        Write("exposures", "company,mkt\nA,1\nB,1.2\n");
        Write("factor_covariance", "factor,mkt\nmkt,0.04\n");
        Write("specific_variance", "company,variance\nA,0.09\nB,0\n");

        var outcome = PortfolioDatasetLoader.LoadDirectory(_dir);

        outcome.Problems.Select(p => p.ToString()).ShouldContain("specific_variance.csv, row 3, column 'variance': must be positive");
    }

    [Fact]
    public void LoadWorkbook_Sheets_AreReadWithSheetInLocation()
    {
        // Given a workbook whose only bad value is a negative emission on the emissions sheet's second data row
        // (spreadsheet row 3: the header is row 1); A keeps a valid 2022 row so it does not also lack emissions
        var path = Path.Combine(_dir, "portfolio.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["constituents"] = new[] { new Dictionary<string, object> { ["company"] = "A", ["weight"] = 1.0 } },
            ["emissions"] = new[]
            {
                new Dictionary<string, object> { ["company"] = "A", ["year"] = 2022, ["scope12_t"] = 10 },
                new Dictionary<string, object> { ["company"] = "A", ["year"] = 2023, ["scope12_t"] = -1 },
            },
        };
        MiniExcel.SaveAs(path, sheets);

        // When
        var outcome = PortfolioDatasetLoader.LoadWorkbook(path);

        // Then exactly that one problem, located by file, sheet, row and column
        outcome.Problems.Single().ToString().ShouldBe("portfolio.xlsx, sheet 'emissions', row 3, column 'scope12_t': emissions must not be negative");
    }
}
