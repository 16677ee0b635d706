using System.Text.RegularExpressions;

namespace OkrSync.Core.Tests.Documentation;

/// <summary>
/// The README stays short and every relative link in it and in <c>docs/</c> leads somewhere: the file exists and, for
/// <c>page.md#anchor</c>, the page has a heading with that anchor (GitHub's rules: lower case, punctuation dropped,
/// spaces to hyphens).
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Pages
    {
        get
        {
            var pages = new TheoryData<string> { "README.md" };
            foreach (var page in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            {
                pages.Add(Path.GetRelativePath(Root, page).Replace('\\', '/'));
            }
            return pages;
        }
    }

    [Fact]
    public void Readme_IsUnder250Lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        Assert.InRange(lines.Length, 20, 249);
    }

    [Fact]
    public void Readme_KeepsTheTwoSetUpCommandsAndLinksEveryDocsPage()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.Contains("\ndotnet run --project functions/OkrSync.Cli -- demo\n", readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test OkrSync.sln\n", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet pack functions/OkrSync.Cli", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --global --add-source", readme, StringComparison.Ordinal);
        foreach (var page in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(Path.GetFileName).Where(p => p != "README.md"))
        {
            Assert.Contains($"(docs/{page}", readme, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RelativeLinks_Resolve(string page)
    {
        var path = Path.Combine(Root, page);
        var links = Links(File.ReadAllText(path)).Where(l => !Uri.TryCreate(l, UriKind.Absolute, out _)).ToList();

        var broken = links.Where(link => Resolve(path, link) is { } problem).Select(link => $"{link}: {Resolve(path, link)}").ToList();

        Assert.True(broken.Count == 0, $"{page} has broken links:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void LinkChecker_FindsABrokenLinkAndABrokenAnchor()
    {
        var readme = Path.Combine(Root, "README.md");

        Assert.NotNull(Resolve(readme, "docs/no-such-page.md"));
        Assert.NotNull(Resolve(readme, "docs/api.md#no-such-heading"));
        Assert.Null(Resolve(readme, "docs/api.md#the-json-contract"));
    }

    /// <summary>Why <paramref name="link"/> from <paramref name="page"/> leads nowhere, or null when it resolves.</summary>
    private static string? Resolve(string page, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var file = target.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)));
        if (!File.Exists(file) && !Directory.Exists(file))
        {
            return $"{file} does not exist";
        }
        if (anchor is null || !file.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }
        var anchors = Anchors(File.ReadAllText(file));
        return anchors.Contains(anchor) ? null : $"no heading with anchor #{anchor} in {Path.GetFileName(file)}";
    }

    private static IEnumerable<string> Links(string markdown) =>
        LinkPattern().Matches(WithoutCode(markdown)).Select(m => m.Groups["target"].Value.Trim());

    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in WithoutFences(markdown).Split('\n'))
        {
            if (HeadingPattern().Match(line) is { Success: true } heading)
            {
                var text = heading.Groups["text"].Value.Trim().ToLowerInvariant();
                var slug = new string([.. text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')]).Replace(' ', '-');
                anchors.Add(slug);
            }
        }
        return anchors;
    }

    private static string WithoutFences(string markdown) => FencePattern().Replace(markdown, "");

    private static string WithoutCode(string markdown) => InlineCodePattern().Replace(WithoutFences(markdown), "");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OkrSync.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No OkrSync.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?ms)^```.*?^```")]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCodePattern();
}
