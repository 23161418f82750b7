using System.Security.Cryptography;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using NodaTime;

namespace CarbonLedger.Import;

/// <summary>An uploaded or named file: its name (which tells CSV from .xlsx and, for CSV, the template) and content.</summary>
public sealed record ImportFile(string FileName, Stream Content);

public static partial class InventoryImporter
{
    /// <summary>Validates <paramref name="files"/> against what the organization already has stored and, only when every
    /// row is good, writes the change set in one transaction. Problems come back with file/sheet/row/column; nothing is
    /// stored then. <paramref name="period"/> defaults to the organization's latest inventory period.</summary>
    public static async Task<Outcome<ApplyResult>> ImportAsync(InventoryStore store, Guid organizationId, IReadOnlyList<ImportFile> files,
        string user, IProgress<int>? progress, CancellationToken ct, ReportingPeriod? period = null, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);
        var snapshot = await store.LoadAsync(organizationId, ct);
        if (snapshot is null)
        {
            return Outcome<ApplyResult>.Failure(Problem.AtField("organizationId", $"unknown organization {organizationId}", $"查無組織 {organizationId}"));
        }
        if (period is null)
        {
            var latest = (await store.ListInventoriesAsync(organizationId, ct)).FirstOrDefault();
            if (latest is null)
            {
                return Outcome<ApplyResult>.Failure(Problem.AtField("period", "the organization has no inventory yet: create one (its period is what activity rows are checked against)",
                    "本組織尚無盤查清冊：請先建立一份（活動數據列依其盤查期間檢查）"));
            }
            period = new ReportingPeriod(LocalDate.FromDateOnly(latest.PeriodStart), LocalDate.FromDateOnly(latest.PeriodEnd));
        }
        var context = new ImportContext(organizationId, period, snapshot.FactorLibrary(), (clock ?? SystemClock.Instance).GetCurrentInstant(), user)
        {
            Facilities = snapshot.Facilities.ToDictionary(f => f.Code, f => f.Id, StringComparer.Ordinal),
            Sources = snapshot.Sources.ToDictionary(s => s.Code, s => new KnownSource(s.Id, s.Type, s.FactorKey), StringComparer.Ordinal),
        };

        var problems = new List<Problem>();
        var tables = new List<ImportTable>();
        var buffers = new List<MemoryStream>();
        var origin = new List<string>();
        try
        {
            foreach (var file in files)
            {
                // Buffer each upload once: hashed for the audit trail, then read by the parser (xlsx needs seeking).
                var buffer = new MemoryStream();
                await file.Content.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                buffers.Add(buffer);
                origin.Add($"{file.FileName} sha256:{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))}");
                var extension = Path.GetExtension(file.FileName);
                if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    if (!ImportTemplates.TryFind(Path.GetFileNameWithoutExtension(file.FileName), out var template))
                    {
                        problems.Add(new Problem(new ProblemLocation(File: file.FileName), $"cannot tell which template this file is: name it after one of {ExpectedNames}, e.g. activity.csv",
                            $"無法判斷此檔案屬於哪一個範本：請以下列名稱之一命名：{ExpectedNames}，例如 activity.csv 或 活動數據.csv"));
                        continue;
                    }
                    tables.Add(ImportTable.FromCsv(template, file.FileName, new StreamReader(buffer, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true)));
                }
                else if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    tables.AddRange(OpenWorkbook(file.FileName, buffer, problems));
                }
                else
                {
                    problems.Add(new Problem(new ProblemLocation(File: file.FileName), "not a .csv or .xlsx file", "不是 .csv 或 .xlsx 檔案"));
                }
            }
            var changes = Import(context, tables, string.Join("; ", origin), problems);
            if (!changes.Succeeded)
            {
                return Outcome<ApplyResult>.Failure(changes.Problems);
            }
            return await store.ApplyAsync(organizationId, changes.Value, user, progress, ct);
        }
        finally
        {
            foreach (var t in tables) { t.Dispose(); }
            foreach (var b in buffers) { await b.DisposeAsync(); }
        }
    }
}
