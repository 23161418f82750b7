var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "CarbonLedger");
await app.RunAsync();

public partial class Program;
