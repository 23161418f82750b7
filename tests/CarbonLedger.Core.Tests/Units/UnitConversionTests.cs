using CarbonLedger.Common;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Units;

/// <summary>Conversions pinned to the definitions UnitCatalog cites: 1 kcal (IT) = 4.1868 kJ, 1 kWh = 3.6 MJ,
/// 1 US gal = 3.785411784 L (exact, NIST SP 811 B.8), 1 bbl = 42 US gal, 1000m3 = 1,000 m3.</summary>
public sealed class UnitConversionTests
{
    [Fact]
    public void ConvertTo_KilocaloriesToGigajoules_UsesInternationalTableCalorie()
    {
        // Given 1,000,000 kcal
        var energy = new Quantity(1_000_000m, UnitCatalog.Kilocalorie);

        // When
        var gj = energy.ConvertTo(UnitCatalog.Gigajoule);

        // Then 1,000,000 × 4.1868 kJ = 4,186,800 kJ = 4.1868 GJ
        gj.Value.ShouldBe(4.1868m);
    }

    [Fact]
    public void ConvertTo_MegawattHoursToKilowattHoursAndMegajoules_IsExact()
    {
        // Given 2.5 MWh
        var energy = new Quantity(2.5m, UnitCatalog.MegawattHour);

        // When / Then 2.5 × 1,000 = 2,500 kWh; 2,500 × 3.6 = 9,000 MJ
        energy.ConvertTo(UnitCatalog.KilowattHour).Value.ShouldBe(2_500m);
        energy.ConvertTo(UnitCatalog.Megajoule).Value.ShouldBe(9_000m);
    }

    [Fact]
    public void ConvertTo_GigawattHourToTerajoules_Is3Point6()
    {
        // 1 GWh = 10^6 kWh × 3.6 MJ = 3.6 × 10^6 MJ = 3.6 TJ
        new Quantity(1m, UnitCatalog.GigawattHour).ConvertTo(UnitCatalog.Terajoule).Value.ShouldBe(3.6m);
    }

    [Fact]
    public void ConvertTo_GallonsToLitres_UsesExactUsGallon()
    {
        // 10 gal × 3.785411784 L = 37.85411784 L
        new Quantity(10m, UnitCatalog.UsGallon).ConvertTo(UnitCatalog.Litre).Value.ShouldBe(37.85411784m);
    }

    [Fact]
    public void ConvertTo_BarrelToGallons_IsFortyTwo()
    {
        // An oil barrel is defined as 42 US gallons (158.987294928 L / 3.785411784 L = 42): an independent check of both sizes.
        var gallons = new Quantity(1m, UnitCatalog.Barrel).ConvertTo(UnitCatalog.UsGallon).Value;

        Math.Round(gallons, 20).ShouldBe(42m);
    }

    [Fact]
    public void ConvertTo_ThousandCubicMetresToCubicMetresAndLitres_IsExact()
    {
        // 1.5 千立方公尺 = 1,500 m3 = 1,500,000 L (natural gas is invoiced per 1000m3 in MOENV's form)
        var gas = new Quantity(1.5m, UnitCatalog.Parse("千立方公尺"));

        gas.ConvertTo(UnitCatalog.CubicMetre).Value.ShouldBe(1_500m);
        gas.ConvertTo(UnitCatalog.Litre).Value.ShouldBe(1_500_000m);
    }

    [Fact]
    public void ConvertTo_PoundAndMile_UseInternationalDefinitions()
    {
        // 1959 international yard and pound: 1 lb = 0.45359237 kg, 1 mi = 1.609344 km
        new Quantity(100m, UnitCatalog.Pound).ConvertTo(UnitCatalog.Kilogram).Value.ShouldBe(45.359237m);
        new Quantity(100m, UnitCatalog.Mile).ConvertTo(UnitCatalog.Kilometre).Value.ShouldBe(160.9344m);
    }

    [Fact]
    public void ConvertTo_TonnesToKilograms_IsThousand()
    {
        new Quantity(3.25m, UnitCatalog.Parse("公噸")).ConvertTo(UnitCatalog.Kilogram).Value.ShouldBe(3_250m);
    }

    [Fact]
    public void ConvertTo_MassToVolume_ThrowsNamingBothUnits()
    {
        // Given kilograms of diesel
        var diesel = new Quantity(100m, UnitCatalog.Kilogram);

        // When converting to litres without a density
        var ex = Should.Throw<UnitMismatchException>(() => diesel.ConvertTo(UnitCatalog.Litre));

        // Then the message names both units and both dimensions
        ex.Message.ShouldBe("cannot convert kg (mass) to L (volume): the dimensions differ");
        ex.From.ShouldBe(UnitCatalog.Kilogram);
        ex.To.ShouldBe(UnitCatalog.Litre);
    }

    [Fact]
    public void ConvertTo_NtdToUsd_ThrowsNamingBothCurrencies()
    {
        var ex = Should.Throw<UnitMismatchException>(() => new Quantity(1m, UnitCatalog.Ntd).ConvertTo(UnitCatalog.Usd));

        ex.Message.ShouldContain("NTD");
        ex.Message.ShouldContain("USD");
        ex.Message.ShouldContain("exchange rate");
    }

    [Fact]
    public void Addition_AcrossDimensions_Throws()
    {
        Should.Throw<UnitMismatchException>(() => new Quantity(1m, UnitCatalog.KilowattHour) + new Quantity(1m, UnitCatalog.Litre));
    }

    [Fact]
    public void Addition_SameDimension_ConvertsRightOperandToLeftUnit()
    {
        // 1 MWh + 500 kWh = 1.5 MWh
        var sum = new Quantity(1m, UnitCatalog.MegawattHour) + new Quantity(500m, UnitCatalog.KilowattHour);

        sum.ShouldBe(new Quantity(1.5m, UnitCatalog.MegawattHour));
    }

    [Theory]
    [InlineData("度", "kWh")]
    [InlineData("千度", "MWh")]
    [InlineData("公升", "L")]
    [InlineData("公秉", "kL")]
    [InlineData("人時", "person-h")]
    [InlineData("延人公里", "pkm")]
    [InlineData("Kcal", "kcal")]
    public void Parse_TaiwaneseAlias_GivesCanonicalUnit(string text, string code)
    {
        UnitCatalog.Parse(text).Code.ShouldBe(code);
    }

    [Fact]
    public void Parse_UnknownUnit_ThrowsDomainExceptionNamingText()
    {
        var ex = Should.Throw<DomainException>(() => UnitCatalog.Parse("furlong", "column C"));

        ex.Field.ShouldBe("column C");
        ex.Reason.ShouldContain("furlong");
    }

    [Fact]
    public void HeatingValue_DieselLitresToEnergy_MatchesMoenvHeatingValue()
    {
        // Given MOENV 6.0.4 diesel heating value 8,400 kcal/L (Taiwan Energy Statistics Handbook)
        var hv = new HeatingValue(8_400m, UnitCatalog.Kilocalorie, UnitCatalog.Litre);

        // When 1 kL of diesel is converted
        var energy = hv.ToEnergy(new Quantity(1m, UnitCatalog.Kilolitre));

        // Then 1,000 L × 8,400 = 8,400,000 kcal × 4.1868 kJ = 35,169,120 kJ = 35.16912 GJ
        energy.Value.ShouldBe(8_400_000m);
        energy.ConvertTo(UnitCatalog.Gigajoule).Value.ShouldBe(35.16912m);
        hv.ToFuel(new Quantity(35.16912m, UnitCatalog.Gigajoule)).Value.ShouldBe(1_000m);
    }
}
