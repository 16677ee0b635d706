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
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddOkrSyncTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOkrSyncTelemetry(builder.Services, builder.Logging, builder.Configuration);
        return builder;
    }

    /// <summary>The same for any host (the function app's <c>FunctionsApplicationBuilder</c>).</summary>
    public static void AddOkrSyncTelemetry(IServiceCollection services, ILoggingBuilder logging, IConfiguration configuration)
    {
        var otlp = configuration.Setting("OTEL_EXPORTER_OTLP_ENDPOINT") is not null;
        var console = configuration.GetValue<bool>("OkrSync:Telemetry:Console");
        var azureMonitor = configuration.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING");
        if (!otlp && !console && azureMonitor is null)
        {
            return;
        }
        void AzureOptions(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = azureMonitor;
            options.Credential = Credential(configuration);
        }
        services.AddOpenTelemetry()
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
            logging.AddOpenTelemetry(exporters =>
            {
                if (otlp) { exporters.AddOtlpExporter(); }
                if (azureMonitor is not null) { exporters.AddAzureMonitorLogExporter(AzureOptions); }
            });
        }
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
