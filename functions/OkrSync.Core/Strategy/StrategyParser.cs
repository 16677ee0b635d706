using YamlDotNet.RepresentationModel;

namespace OkrSync.Core.Strategy;

/// <summary>Turns the YAML tree of a strategy file into the model, reporting every structural problem.</summary>
internal sealed class StrategyParser(DiagnosticBag diagnostics)
{
    private static readonly string[] RootKeys = ["name", "description", "operational", "conventions", "thresholds", "bets"];
    private static readonly string[] BetKeys = ["id", "title", "why", "owner", "not-doing", "key-results", "position", "allocation"];
    private static readonly string[] PositionKeys = ["id", "title", "metric"];
    private static readonly string[] NotDoingKeys = ["id", "title", "why", "labels"];
    private static readonly string[] KeyResultKeys = ["id", "title", "owner", "metric", "initiatives"];
    private static readonly string[] MetricKeys = ["unit", "baseline", "target", "current", "measured-at", "source"];
    private static readonly string[] InitiativeKeys = ["id", "title", "owner", "match"];
    private static readonly string[] MatchKeys = ["labels", "parents", "milestones", "components"];
    private static readonly string[] OperationalKeys = ["labels", "issue-types", "allocation"];
    private static readonly string[] ConventionKeys = ["initiative-label-prefix"];
    private static readonly string[] ThresholdKeys = ["output-done", "outcome-moved", "stale-days", "metric-stale-days", "krs-green", "position-moved", "investment-window-days", "allocation-drift"];

    /// <summary>At most this many position signals per bet: a bet's position is one to three market signals.</summary>
    public const int MaxPositionSignals = 3;

    private readonly List<(string Who, double Share, SourceLocation At)> allocations = [];

    public StrategyDocument Parse(YamlMappingNode root)
    {
        var reader = new YamlMappingReader(root, "the strategy", diagnostics, RootKeys);
        var name = reader.String("name", required: true) ?? "";
        var operational = ParseOperational(reader.Mapping("operational"));
        var bets = reader.MappingList("bets", "bet").Select(ParseBet).ToList();
        if (bets.Count == 0 && reader.Get("bets") is null)
        {
            diagnostics.Error("missing-field", "the strategy names no bets: add a 'bets' list", reader.Location);
        }
        CheckAllocationSum();
        return new StrategyDocument(name, operational, ParseConventions(reader.Mapping("conventions")), bets)
        {
            Thresholds = ParseThresholds(reader.Mapping("thresholds")),
        };
    }

    private Bet ParseBet(YamlMappingNode node)
    {
        var reader = new YamlMappingReader(node, "a bet", diagnostics, BetKeys);
        var id = Id(reader);
        var bet = new Bet(
            id,
            reader.String("title", required: true) ?? "",
            reader.String("why"),
            reader.String("owner"),
            reader.MappingList("not-doing", "not-doing entry").Select(ParseNotDoing).ToList(),
            reader.MappingList("key-results", "key result").Select(ParseKeyResult).ToList(),
            reader.Location);
        var position = reader.MappingList("position", "position signal");
        if (position.Count > MaxPositionSignals)
        {
            diagnostics.Error("too-many-position-signals", $"bet '{id}' has {position.Count} position signals; a bet's position is one to {MaxPositionSignals} signals", YamlMappingReader.At(position[MaxPositionSignals], diagnostics.File));
        }
        var allocation = reader.Percentage("allocation");
        if (allocation is { } declared)
        {
            allocations.Add(($"bet '{id}'", declared.Share, declared.At));
        }
        return bet with { Position = [.. position.Select(p => ParsePositionSignal(p, id))], Allocation = allocation?.Share };
    }

    private PositionSignal ParsePositionSignal(YamlMappingNode node, string betId)
    {
        var reader = new YamlMappingReader(node, $"a position signal of bet '{betId}'", diagnostics, PositionKeys);
        var id = Id(reader);
        var title = reader.String("title", required: true) ?? "";
        var metricNode = reader.Mapping("metric");
        if (metricNode is null)
        {
            diagnostics.Error("missing-field", $"position signal '{id}' has no 'metric': a signal is a measure ({{ unit, baseline, target, current }})", reader.Location);
            return new PositionSignal(id, title, new Metric(null, null, null, null), reader.Location);
        }
        return new PositionSignal(id, title, ParseMetric(metricNode, id, "position signal"), reader.Location);
    }

    /// <summary>Declared shares of delivery may not add up to more than 100%: reported at the value that goes over.</summary>
    private void CheckAllocationSum()
    {
        var total = 0.0;
        foreach (var (_, share, at) in allocations.OrderBy(a => a.At.Line).ThenBy(a => a.At.Column))
        {
            total += share;
            // Shares are read from decimal percentages; allow for binary rounding (33.4% + 33.3% + 33.3%).
            if (total > 1 + 1e-9)
            {
                var parts = string.Join(", ", allocations.Select(a => $"{a.Who} {Percent(a.Share)}"));
                diagnostics.Error("invalid-allocation", $"the declared allocations add up to {Percent(allocations.Sum(a => a.Share))} ({parts}); together they can be at most 100%", at);
                return;
            }
        }
    }

    private static string Percent(double share) => (share * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

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

    private Metric ParseMetric(YamlMappingNode node, string ownerId, string owner = "key result")
    {
        var reader = new YamlMappingReader(node, $"the metric of {owner} '{ownerId}'", diagnostics, MetricKeys);
        var sourceNode = reader.Mapping("source");
        var metric = new Metric(reader.String("unit"), reader.Number("baseline"), reader.Number("target"), reader.Number("current"))
        {
            MeasuredAt = MetricSourceParser.MeasuredAt(reader, ownerId, diagnostics),
            Source = sourceNode is null ? null : MetricSourceParser.Parse(sourceNode, ownerId, diagnostics),
        };
        if (metric.Baseline is { } baseline && metric.Target is { } target && baseline == target)
        {
            diagnostics.Error("invalid-metric", $"{owner} '{ownerId}' has a target equal to its baseline ({target}): nothing could ever move", reader.Location);
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
        var allocation = reader.Percentage("allocation");
        if (allocation is { } declared)
        {
            allocations.Add(("operational", declared.Share, declared.At));
        }
        return new OperationalRules(reader.StringList("labels"), reader.StringList("issue-types")) { Allocation = allocation?.Share };
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
        var krsGreen = Ratio(reader, "krs-green", defaults.KeyResultsGreen);
        var positionMoved = Ratio(reader, "position-moved", defaults.PositionMoved);
        var windowDays = WholeDays(reader, "investment-window-days", defaults.InvestmentWindowDays);
        var drift = reader.Get("allocation-drift") is YamlScalarNode { Value: { } text } && text.TrimEnd().EndsWith('%')
            ? reader.Percentage("allocation-drift")?.Share ?? defaults.AllocationDrift
            : Ratio(reader, "allocation-drift", defaults.AllocationDrift);
        var metricStaleDays = reader.Number("metric-stale-days") ?? defaults.MetricStaleDays;
        if (outputDone is < 0 or > 1 || outcomeMoved is < 0 or > 1 || staleDays < 1 || metricStaleDays < 1)
        {
            diagnostics.Error("invalid-value", "thresholds: 'output-done' and 'outcome-moved' are ratios in [0, 1], 'stale-days' and 'metric-stale-days' are at least 1", reader.Location);
            return defaults;
        }
        return new Thresholds(outputDone, outcomeMoved, (int)staleDays)
        {
            MetricStaleDays = (int)metricStaleDays,
            KeyResultsGreen = krsGreen,
            PositionMoved = positionMoved,
            InvestmentWindowDays = windowDays,
            AllocationDrift = drift,
        };
    }

    /// <summary>A ratio in [0, 1], reported where it is written when it is not one.</summary>
    private double Ratio(YamlMappingReader reader, string key, double fallback)
    {
        var value = reader.Number(key);
        if (value is < 0 or > 1)
        {
            var hint = key == "allocation-drift" ? $" (e.g. 0.1 or 10% for ten percentage points)" : "";
            diagnostics.Error("invalid-value", $"thresholds: '{key}' is a ratio in [0, 1], not {value}{hint}", YamlMappingReader.At(reader.Get(key)!, diagnostics.File));
            return fallback;
        }
        return value ?? fallback;
    }

    private int WholeDays(YamlMappingReader reader, string key, int fallback)
    {
        var value = reader.Number(key);
        if (value is { } days && (days < 1 || days != Math.Floor(days) || days > 3660))
        {
            diagnostics.Error("invalid-value", $"thresholds: '{key}' is a whole number of days from 1 to 3660, not {days}", YamlMappingReader.At(reader.Get(key)!, diagnostics.File));
            return fallback;
        }
        return value is { } whole ? (int)whole : fallback;
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
