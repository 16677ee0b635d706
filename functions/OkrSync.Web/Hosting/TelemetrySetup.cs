using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OkrSync.Pipeline;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OkrSync.Web.Hosting;

/// <summary>
/// OpenTelemetry for the web host, only where something is configured: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set, the console when <c>OkrSync:Telemetry:Console</c> is true, Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with the managed identity when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>). Nothing configured: no exporter.
/// </summary>
internal static class TelemetrySetup
{
    public static WebApplicationBuilder AddOkrSyncTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = configuration.Setting("OTEL_EXPORTER_OTLP_ENDPOINT") is not null;
        var console = configuration.GetValue<bool>("OkrSync:Telemetry:Console");
        var azureMonitor = configuration.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING");
        if (!otlp && !console && azureMonitor is null)
        {
            return builder;
        }
        void AzureOptions(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = azureMonitor;
            options.Credential = Credential(configuration);
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("okrsync"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(OkrSyncTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp) { tracing.AddOtlpExporter(); }
                if (console) { tracing.AddConsoleExporter(); }
                if (azureMonitor is not null) { tracing.AddAzureMonitorTraceExporter(AzureOptions); }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OkrSyncTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp) { metrics.AddOtlpExporter(); }
                if (console) { metrics.AddConsoleExporter(); }
                if (azureMonitor is not null) { metrics.AddAzureMonitorMetricExporter(AzureOptions); }
            });
        if (otlp || azureMonitor is not null)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                if (otlp) { logging.AddOtlpExporter(); }
                if (azureMonitor is not null) { logging.AddAzureMonitorLogExporter(AzureOptions); }
            });
        }
        return builder;
    }

    private static TokenCredential? Credential(IConfiguration configuration)
    {
        var authentication = configuration.Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        if (authentication is null || !authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var clientId = authentication.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        return clientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
