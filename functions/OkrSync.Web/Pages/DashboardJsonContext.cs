using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages;

/// <summary>Each page's <c>?format=json</c>: camelCase and nulls written, as the read API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(StrategyPageJson))]
[JsonSerializable(typeof(KeyResultPageJson))]
[JsonSerializable(typeof(OrphanPageJson))]
[JsonSerializable(typeof(InvestmentPageJson))]
[JsonSerializable(typeof(FindingsPageJson))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
