using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class SharesTests
{
    [Fact]
    public void LargestRemainder_ThreeEqualParts_GivesTheSpareUnitToTheFirst()
    {
        // Given: 1/3 each = 33.333… %; floors 3333 × 3 = 9999 units of 0.01 %, one missing; equal remainders → the first
        // When
        var shares = Shares.LargestRemainder([1m, 1m, 1m]);

        // Then: plain rounding would print 33.33 × 3 = 99.99
        shares.ShouldBe([33.34m, 33.33m, 33.33m]);
        shares.Sum().ShouldBe(100m);
    }

    [Fact]
    public void LargestRemainder_AllZero_GivesZeros()
    {
        // Given / When
        var shares = Shares.LargestRemainder([0m, 0m]);

        // Then
        shares.ShouldBe([0m, 0m]);
    }

    [Fact]
    public void LargestRemainder_NegativePart_Throws()
    {
        // Given / When / Then
        Should.Throw<ArgumentException>(() => Shares.LargestRemainder([1m, -1m]));
    }

    [FsCheck.Xunit.Property]
    public bool LargestRemainder_AnyPositiveParts_SumsToExactly100(FsCheck.PositiveInt[] parts)
    {
        // Given arbitrary positive parts (at least one)
        if (parts.Length == 0) { return true; }
        var values = parts.Select(p => (decimal)p.Get).ToArray();

        // When
        var shares = Shares.LargestRemainder(values);

        // Then: exactly 100.00, and each share within one display unit of its exact value
        var exact = Shares.Exact(values);
        return shares.Sum() == 100m && shares.Zip(exact).All(p => Math.Abs(p.First - p.Second) < 0.01m);
    }
}
