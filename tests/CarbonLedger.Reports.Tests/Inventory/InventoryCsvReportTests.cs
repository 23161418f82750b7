using System.Globalization;
using System.Text;
using CarbonLedger.Reports.Inventory;
using static CarbonLedger.Reports.Tests.Inventory.SampleInventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class InventoryCsvReportTests
{
    private static (byte[] Bytes, List<Dictionary<string, string>> Rows) Render()
    {
        using var stream = new MemoryStream();
        InventoryReports.Render(Model(), ReportFormat.Csv, stream);
        var bytes = stream.ToArray();
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        var table = ParseRfc4180(text);
        var header = table[0];
        return (bytes, table.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList());
    }

    [Fact]
    public void Render_Csv_StartsWithUtf8ByteOrderMark()
    {
        // Given / When
        var (bytes, _) = Render();

        // Then: EF BB BF so Excel in zh-TW reads UTF-8
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
    }

    [Fact]
    public void Render_Csv_RowsPerLineAndGasSumToBothTotals()
    {
        // Given: rows = GEN 3 gases + CAR 3 + AC 1 + SEP 1 + BIO 2 (biogenic CO2, CH4) + ELEC location 2 + ELEC market 3
        //   (Jan REC 40,000 kWh; Feb REC 10,000 kWh; Feb grid 50,000 kWh) + TRAVEL 1 = 16
        // When
        var (_, rows) = Render();

        // Then: Σ tco2e of rows counted in each basis = the hand totals 58.18003075056 and 34.48003075056
        rows.Count.ShouldBe(16);
        decimal Sum(string column) => rows.Where(r => r[column] == "true").Sum(r => decimal.Parse(r["tco2e"], CultureInfo.InvariantCulture));
        R(Sum("counts_location_based")).ShouldBe(TotalLocation);
        R(Sum("counts_market_based")).ShouldBe(TotalMarket);
        R(rows.Where(r => r["biogenic"] == "true").Sum(r => decimal.Parse(r["tco2e"], CultureInfo.InvariantCulture))).ShouldBe(BiogenicCo2);
    }

    [Fact]
    public void Render_Csv_DieselRowCarriesActivityFactorAndGwp()
    {
        // Given / When
        var (_, rows) = Render();

        // Then: 1,000 L × 2.6060317920000005 kg/L = 2,606.0317920000005 kg CO2 (the kg column keeps every digit), GWP 1
        //   → 2.6060317920000005 t, which Core keeps to 12 decimals (EmissionLine.TonneDecimals: 1 µg) → 2.606031792000
        var co2 = rows.Single(r => r["source_code"] == "GEN" && r["gas"] == "CO2");
        co2["activity"].ShouldBe("1000");
        co2["activity_unit"].ShouldBe("L");
        co2["factor_key"].ShouldBe("moenv604/stationary/diesel");
        co2["factor_set"].ShouldBe("moenv-6.0.4");
        co2["factor_version"].ShouldBe("6.0.4(修)");
        co2["gas_kg"].ShouldBe("2606.0317920000005");
        co2["gwp"].ShouldBe("1");
        co2["tco2e"].ShouldBe("2.606031792");
        co2["scope"].ShouldBe("1");
        co2["iso_category"].ShouldBe("1");
        co2["facility"].ShouldBe("HQ");
        co2["month"].ShouldBe("2024-01");
        // CH4: 0.10550736000000003 kg × 28 = 2.95420608000000084 kg → 0.00295420608000000084 t → 12 decimals 0.002954206080
        var ch4 = rows.Single(r => r["source_code"] == "GEN" && r["gas"] == "CH4");
        ch4["gas_kg"].ShouldBe("0.10550736000000003");
        ch4["gwp"].ShouldBe("28");
        ch4["tco2e"].ShouldBe("0.00295420608");
        rows.Where(r => r["source_code"] == "ELEC").Select(r => r["scope2_method"]).ShouldBe(
            ["location-based", "market-based", "location-based", "market-based", "market-based"], ignoreOrder: true);
    }

    [Fact]
    public void Render_Csv_QuotesPerRfc4180AndDefusesFormulas()
    {
        // Given: the car's name holds a comma and quotes; evidence "=INV-31" starts like an Excel formula
        using var stream = new MemoryStream();
        InventoryReports.Render(Model(), ReportFormat.Csv, stream);

        // When
        var text = Encoding.UTF8.GetString(stream.ToArray());

        // Then
        text.ShouldContain("\"公務車, \"\"貨車\"\"\"");
        text.ShouldContain(",'=INV-31,");
        text.ShouldContain("\r\n");
        Render().Rows.Single(r => r["source_code"] == "CAR" && r["gas"] == "CO2")["source_name"].ShouldBe("公務車, \"貨車\"");
    }

    /// <summary>An independent RFC 4180 reader for the test (quoted fields, doubled quotes, CRLF).</summary>
    private static List<string[]> ParseRfc4180(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': fields.Add(field.ToString()); field.Clear(); rows.Add([.. fields]); fields.Clear(); break;
                default: field.Append(c); break;
            }
        }
        return rows;
    }
}
