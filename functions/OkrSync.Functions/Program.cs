using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OkrSync.Pipeline;
using OkrSync.Web.Hosting;

// The function app: the ASP.NET Core integration (HTTP functions get HttpRequest and return IResult), OkrSync's
// services with paths relative to the package, and telemetry where it is configured.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddOkrSync(builder.Configuration, new AppFolder(AppContext.BaseDirectory));
TelemetrySetup.AddOkrSyncTelemetry(builder.Services, builder.Logging, builder.Configuration);
builder.Build().Run();
