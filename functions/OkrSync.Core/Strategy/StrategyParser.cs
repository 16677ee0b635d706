using YamlDotNet.RepresentationModel;

namespace OkrSync.Core.Strategy;

/// <summary>Turns the YAML tree of a strategy file into the model, reporting every structural problem.</summary>
internal sealed class StrategyParser(DiagnosticBag diagnostics)
{
    private static readonly string[] RootKeys = ["name", "description", "operational", "conventions", "thresholds", "bets"];
    private static readonly string[] BetKeys = ["id", "title", "why", "owner", "not-doing", "key-results"];
    private static readonly string[] NotDoingKeys = ["id", "title", "why", "labels"];
    private static readonly string[] KeyResultKeys = ["id", "title", "owner", "metric", "initiatives"];
    private static readonly string[] MetricKeys = ["unit", "baseline", "target", "current", "measured-at", "source"];
    private static readonly string[] InitiativeKeys = ["id", "title", "owner", "match"];
    private static readonly string[] MatchKeys = ["labels", "parents", "milestones", "components"];
    private static readonly string[] OperationalKeys = ["labels", "issue-types"];
    private static readonly string[] ConventionKeys = ["initiative-label-prefix"];
    private static readonly string[] ThresholdKeys = ["output-done", "outcome-moved", "stale-days", "metric-stale-days"];

    public StrategyDocument Parse(YamlMappingNode root)
    {
        var reader = new YamlMappingReader(root, "the strategy", diagnostics, RootKeys);
        var name = reader.String("name", required: true) ?? "";
        var bets = reader.MappingList("bets", "bet").Select(ParseBet).ToList();
        if (bets.Count == 0 && reader.Get("bets") is null)
        {
            diagnostics.Error("missing-field", "the strategy names no bets: add a 'bets' list", reader.Location);
        }
        return new StrategyDocument(name, ParseOperational(reader.Mapping("operational")), ParseConventions(reader.Mapping("conventions")), bets)
        {
            Thresholds = ParseThresholds(reader.Mapping("thresholds")),
        };
    }

    private Bet ParseBet(YamlMappingNode node)
    {
        var reader = new YamlMappingReader(node, "a bet", diagnostics, BetKeys);
        var id = Id(reader);
        return new Bet(
            id,
            reader.String("title", required: true) ?? "",
            reader.String("why"),
            reader.String("owner"),
            reader.MappingList("not-doing", "not-doing entry").Select(ParseNotDoing).ToList(),
            reader.MappingList("key-results", "key result").Select(ParseKeyResult).ToList(),
            reader.Location);
    }

    private NotDoing ParseNotDoing(YamlMappingNode node)
    {
        var reader = new YamlMappingReader(node, "a not-doing entry", diagnostics, NotDoingKeys);
        return new NotDoing(Id(reader), reader.String("title", required: true) ?? "", reader.String("why"), reader.StringList("labels"), reader.Location);
    }

    private KeyResult ParseKeyResult(YamlMappingNode node)
    {
        var reader = new YamlMappingReader(node, "a key result", diagnostics, KeyResultKeys);
        var id = Id(reader);
        var title = reader.String("title", required: true) ?? "";
        _ = reader.String("owner");
        var metricNode = reader.Mapping("metric");
        var metric = metricNode is null ? null : ParseMetric(metricNode, id);
        var initiatives = reader.MappingList("initiatives", "initiative").Select(ParseInitiative).ToList();
        return new KeyResult(id, title, metric, initiatives, reader.Location);
    }

    private Metric ParseMetric(YamlMappingNode node, string keyResultId)
    {
        var reader = new YamlMappingReader(node, $"the metric of key result '{keyResultId}'", diagnostics, MetricKeys);
        var sourceNode = reader.Mapping("source");
        var metric = new Metric(reader.String("unit"), reader.Number("baseline"), reader.Number("target"), reader.Number("current"))
        {
            MeasuredAt = MetricSourceParser.MeasuredAt(reader, keyResultId, diagnostics),
            Source = sourceNode is null ? null : MetricSourceParser.Parse(sourceNode, keyResultId, diagnostics),
        };
        if (metric.Baseline is { } baseline && metric.Target is { } target && baseline == target)
        {
            diagnostics.Error("invalid-metric", $"key result '{keyResultId}' has a target equal to its baseline ({target}): nothing could ever move", reader.Location);
        }
        return metric;
    }

    private Initiative ParseInitiative(YamlMappingNode node)
    {
        var reader = new YamlMappingReader(node, "an initiative", diagnostics, InitiativeKeys);
        var id = Id(reader);
        var title = reader.String("title", required: true) ?? "";
        var owner = reader.String("owner");
        var matchNode = reader.Mapping("match");
        var match = MatchRules.None;
        if (matchNode is not null)
        {
            var m = new YamlMappingReader(matchNode, $"the match rules of initiative '{id}'", diagnostics, MatchKeys);
            match = new MatchRules(m.StringList("labels"), m.StringList("parents"), m.StringList("milestones"), m.StringList("components"));
        }
        return new Initiative(id, title, owner, match, reader.Location);
    }

    private OperationalRules ParseOperational(YamlMappingNode? node)
    {
        if (node is null)
        {
            return OperationalRules.None;
        }
        var reader = new YamlMappingReader(node, "'operational'", diagnostics, OperationalKeys);
        return new OperationalRules(reader.StringList("labels"), reader.StringList("issue-types"));
    }

    private Conventions ParseConventions(YamlMappingNode? node)
    {
        if (node is null)
        {
            return Conventions.Default;
        }
        var reader = new YamlMappingReader(node, "'conventions'", diagnostics, ConventionKeys);
        var prefix = reader.String("initiative-label-prefix");
        if (prefix is not null && prefix.Trim().Length == 0)
        {
            diagnostics.Error("invalid-value", "'initiative-label-prefix' must not be blank", reader.Location);
        }
        return new Conventions(string.IsNullOrWhiteSpace(prefix) ? Conventions.DefaultInitiativeLabelPrefix : prefix);
    }

    private Thresholds ParseThresholds(YamlMappingNode? node)
    {
        if (node is null)
        {
            return Thresholds.Default;
        }
        var reader = new YamlMappingReader(node, "'thresholds'", diagnostics, ThresholdKeys);
        var defaults = Thresholds.Default;
        var outputDone = reader.Number("output-done") ?? defaults.OutputDone;
        var outcomeMoved = reader.Number("outcome-moved") ?? defaults.OutcomeMoved;
        var staleDays = reader.Number("stale-days") ?? defaults.StaleDays;
        var metricStaleDays = reader.Number("metric-stale-days") ?? defaults.MetricStaleDays;
        if (outputDone is < 0 or > 1 || outcomeMoved is < 0 or > 1 || staleDays < 1 || metricStaleDays < 1)
        {
            diagnostics.Error("invalid-value", "thresholds: 'output-done' and 'outcome-moved' are ratios in [0, 1], 'stale-days' and 'metric-stale-days' are at least 1", reader.Location);
            return defaults;
        }
        return new Thresholds(outputDone, outcomeMoved, (int)staleDays) { MetricStaleDays = (int)metricStaleDays };
    }

    private string Id(YamlMappingReader reader)
    {
        var id = reader.String("id", required: true);
        if (id is null)
        {
            return "";
        }
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            diagnostics.Error("invalid-id", $"id '{id}' may hold only letters, digits, '-', '_' and '.'", YamlMappingReader.At(reader.Get("id")!, diagnostics.File));
        }
        return id;
    }
}
