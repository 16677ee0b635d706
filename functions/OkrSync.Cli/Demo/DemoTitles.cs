namespace OkrSync.Cli.Demo;

/// <summary>Believable work titles for the demo company, by area.</summary>
internal static class DemoTitles
{
    public static readonly string[] Onboarding =
    [
        "Progressive profile questions on first login", "Checklist widget with completion state", "Invite teammates step",
        "Connect first data source in under 2 minutes", "Skip-able product tour", "Empty states that teach",
        "Track activation funnel events", "Welcome email sequence v2", "Role-based onboarding paths",
        "Resume onboarding after logout", "A/B test the signup form length", "Localise onboarding into German",
        "Onboarding accessibility audit fixes", "Activation dashboard for growth team", "Nudge users stuck on step 3",
        "Remove credit card from trial signup",
    ];

    public static readonly string[] OnboardingWeb = ["New signup page layout", "Onboarding checklist component", "Animated progress header", "Mobile layout for onboarding steps"];

    public static readonly string[] SetupWizard =
    [
        "Wizard: choose your industry", "Wizard: import from CSV", "Wizard: connect Postgres", "Wizard: connect Snowflake",
        "Wizard: pick a starter dashboard", "Wizard: validation and error copy", "Wizard: save and resume", "Wizard: analytics events",
        "Wizard: keyboard navigation", "Wizard: success screen",
    ];

    public static readonly string[] Templates =
    [
        "Templates gallery page", "SaaS metrics template", "E-commerce funnel template", "Marketing attribution template",
        "Support SLA template", "Template preview thumbnails", "Search and filter templates", "One-click template install",
        "Template usage analytics", "Finance P&L template", "Product usage template", "HR headcount template",
        "Template versioning", "Community template submission form",
    ];

    public static readonly string[] SampleData = ["Generate sample dataset on signup", "Sample data banner with 'use my data' CTA", "Sample data for each template", "Clean up sample data on first import", "Sample data API endpoint", "Seed sample data in EU region", "Sample data docs", "Sample data for the mobile app"];

    public static readonly string[] Billing =
    [
        "Upgrade button in trial banner", "Stripe Checkout integration", "Proration on plan change", "Invoice PDF redesign",
        "Seat-based pricing in checkout", "Tax ID collection for EU customers", "Failed payment dunning emails", "Self-serve downgrade",
        "Annual plan discount in checkout", "Checkout conversion tracking", "Card update flow", "Usage-based add-on purchase",
        "Trial expiry reminder in app", "Billing settings page v2", "Coupon codes in checkout", "3-D Secure challenge handling",
    ];

    public static readonly string[] Pricing = ["Public pricing page", "Plan comparison table", "Pricing FAQ", "Pricing calculator for seats", "Enterprise contact form on pricing", "Pricing page experiments"];

    public static readonly string[] MultiRegion =
    [
        "Replicate Postgres to eu-west-2", "Global load balancer health checks", "Region-aware session routing", "Failover runbook drill",
        "Object storage cross-region replication", "Terraform modules for second region", "Regional DNS failover", "Data residency flags per tenant",
        "Chaos test: kill primary region", "Latency SLO per region", "Blue/green deploy across regions", "Cost report per region",
        "Queue replication strategy", "Secrets sync across regions",
    ];

    public static readonly string[] Runbooks = ["Auto-remediate full disks", "Runbook: database failover", "Runbook: cache stampede", "PagerDuty to runbook links", "Runbook linting in CI", "Runbook: certificate expiry", "Self-healing for stuck workers", "Runbook coverage report"];

    public static readonly string[] Soc2 =
    [
        "Access review automation", "Quarterly access certification", "Encryption at rest evidence", "Vendor risk assessments",
        "Change management policy", "Background checks process", "Endpoint management rollout", "Incident response plan tabletop",
        "Backup restore testing evidence", "Security awareness training tracking", "Key rotation policy", "Logging retention policy",
        "Pen test remediation", "Asset inventory", "Data classification policy", "Risk register", "Business continuity plan",
        "SOC 2 auditor walkthrough prep", "Policy acknowledgement tracking", "Least-privilege IAM cleanup",
    ];

    public static readonly string[] AuditLog = ["Audit log event schema", "Append-only audit store", "Hash chain for tamper evidence", "Audit log export to SIEM", "Audit log UI for admins", "Audit log retention settings", "Audit events for permission changes"];

    public static readonly string[] QueryCache = ["Cache layer for dashboard queries", "Cache invalidation on data refresh", "Per-tenant cache quotas", "Cache hit-rate metrics", "Warm cache for popular dashboards", "Cache key versioning", "Stale-while-revalidate for tiles", "Load test cached dashboards", "Cache eviction tuning"];

    public static readonly string[] Cdn = ["Serve static assets from CDN", "Immutable asset fingerprinting", "CDN cache purge on deploy", "Edge compression settings", "CDN failover origin"];

    public static readonly string[] ApiV2 = ["API v2: OAuth client credentials", "API v2: pagination standard", "API v2: webhooks", "API v2: rate limit headers", "API v2: OpenAPI spec", "API v2: SDK for TypeScript", "API v2: deprecation policy", "API v2: sandbox environment"];

    public static readonly string[] OnboardingPullRequests = ["Add onboarding checklist component", "Wire onboarding events to analytics", "Fix onboarding step order", "Onboarding copy updates"];

    public static readonly string[] WebBugs =
    [
        "Chart legend overlaps on Safari", "Date picker ignores locale", "Export to PDF cuts last page", "Dashboard title truncates emoji",
        "Dark tooltip on dark background", "Share link 404 for viewers", "Filter reset does not clear URL", "Sidebar flickers on resize",
        "Table sort lost after refresh", "Login redirect loop with SSO", "CSV import fails on BOM", "Drag-and-drop broken in Firefox",
        "Notifications badge count wrong",
    ];

    public static readonly string[] ApiBugs = ["500 on empty filter list", "Timezone off by one in daily rollups", "Webhook retries duplicate events", "Slow query on large tenants", "Token refresh race", "Pagination skips last item", "Unicode in column names breaks export", "Memory leak in report worker", "Rate limiter counts 304s", "Wrong ETag on gzip responses", "Retry storm after deploy"];

    public static readonly string[] Chores = ["Upgrade Kubernetes to 1.34", "Rotate TLS certificates", "Clean up unused IAM roles", "Bump Terraform providers", "Prune old container images", "Move CI to larger runners", "Archive old log buckets", "Renew domain registrations"];

    public static readonly string[] DependencyBumps = ["Bump react from 19.1 to 19.2", "Bump vite from 7.0 to 7.1", "Bump eslint from 9.30 to 9.32", "Bump d3 from 7.8 to 7.9", "Bump axios from 1.10 to 1.11", "Bump typescript from 5.8 to 5.9", "Bump playwright from 1.54 to 1.55", "Bump zod from 3.25 to 4.0"];

    public static readonly string[] Incidents = ["Dashboards slow in EU (SEV2)", "Login outage for SSO tenants (SEV1)", "Delayed data refresh (SEV3)", "Webhook delivery backlog (SEV2)", "Billing emails sent twice (SEV3)"];

    public static readonly string[] SupportRequests = ["Restore deleted dashboard for Globex", "Export all data for Initech", "Increase API quota for Umbrella", "SSO metadata update for Hooli", "Invoice correction for Vandelay", "Data deletion request (GDPR)"];

    public static readonly string[] WebOrphans =
    [
        "Dark mode", "Redesign settings page", "Migrate to React Server Components", "Custom fonts in dashboards",
        "Keyboard shortcuts cheat sheet", "Animated chart transitions", "Rewrite the design system in Tailwind", "Embed dashboards in Notion",
        "Confetti on first dashboard", "New marketing site hero", "Dashboard folders drag-and-drop", "Print stylesheet",
    ];

    public static readonly string[] ApiOrphans = ["GraphQL endpoint exploration", "Rewrite export service in Rust", "Experimental AI chart suggestions", "gRPC internal API", "Move cron jobs to Temporal", "Spike: event sourcing for dashboards", "Benchmark DuckDB for ad-hoc queries", "Internal admin API cleanup"];

    public static readonly string[] OnbOrphans = ["Update onboarding illustrations", "Investigate Hotjar for signup", "Survey churned trials", "Rename workspace to project", "Referral banner in onboarding"];

    public static readonly string[] BillOrphans = ["Revenue report for finance", "Investigate Paddle as merchant of record", "Billing admin impersonation", "Crypto payments exploration"];

    public static readonly string[] InfraOrphans = ["Evaluate Nomad", "Service mesh proof of concept", "Move docs site to new host", "Self-hosted GitHub runners"];
}
