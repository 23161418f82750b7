using System.Text;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class InventoryReportsTests
{
    /// <summary>A write-only, forward-only stream like an HTTP response body.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Inner { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
    }

    [Theory]
    [InlineData(ReportFormat.Html, "<!DOCTYPE html>")]
    [InlineData(ReportFormat.Xlsx, "PK")]
    [InlineData(ReportFormat.Csv, "\uFEFFsource_code,")]
    [InlineData(ReportFormat.Json, "{")]
    public void Render_ForwardOnlyOutput_WritesTheFormatsSignature(ReportFormat format, string start)
    {
        // Given: one model, an output that cannot seek (the web streams reports into the response)
        var model = SampleInventory.Model(ReportLanguage.English);
        using var output = new ForwardOnlyStream();

        // When
        InventoryReports.Render(model, format, output);

        // Then: html doctype, xlsx zip magic "PK", CSV with BOM and header, JSON object
        Encoding.UTF8.GetString(output.Inner.ToArray()).ShouldStartWith(start);
        InventoryReports.Extension(format).ShouldStartWith(".");
    }

    [Fact]
    public void Factors_InstrumentUsedOnTwoLines_ListedOnce()
    {
        // Given: the T-REC covers two market-based lines (January and part of February)
        // When
        var factors = SampleInventory.Model().Factors;

        // Then: one provenance row per factor identity (key, year, set), not per line
        factors.Count(f => f.Key.StartsWith("instrument/", StringComparison.Ordinal)).ShouldBe(1);
        factors.Select(f => (f.Key, f.FactorYear, f.SetId)).Distinct().Count().ShouldBe(factors.Count);
    }

    [Fact]
    public void ByScope3Category_BusinessTravelOnly_OneRowAtFullShare()
    {
        // Given: the only Scope 3 source is business travel (category 6), 3 t
        // When
        var s3 = SampleInventory.Model(ReportLanguage.English).LocationBased.ByScope3Category;

        // Then
        s3.Rows.Select(r => (r.Key, r.Label, r.Tonnes, r.DisplaySharePercent)).ShouldBe([("6", "6 Business travel", 3m, 100m)]);
    }
}
