using System;
using System.Collections.Generic;
using EncordSpec.Format;

namespace EncordSpec.Input;

/// <summary>Rows of an Encord CSV spec read with Import-Csv (to fix a semicolon file from Excel, say): a row with an
/// "Image group title" belongs to that image group, and consecutive rows with one title form the group, in row order,
/// exactly as ConvertFrom-EncordSpec reads the file. Its "Create video" value (blank means true; TRUE and FALSE as Excel
/// writes them are taken too) is the group's; the first row's value wins. A group is handed out when a row of another
/// kind arrives, or when the input ends.</summary>
internal sealed class CsvGroupRows
{
    private readonly HashSet<string> titlesSeen = new(StringComparer.Ordinal);
    private Run? run;

    /// <summary>Rows left out because their file is not an image.</summary>
    public long Skipped { get; private set; }

    private sealed class Run
    {
        public Run(string title, bool createVideo)
        {
            Title = title;
            CreateVideo = createVideo;
        }

        public string Title { get; }
        public bool CreateVideo { get; }
        public bool MismatchReported { get; set; }
        public List<string> Urls { get; } = new();
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The row's image group title and Create video text, when the input is such a row.</summary>
    public static bool IsGroupRow(ObjectUrlInput input, out string title, out string createVideo)
    {
        title = createVideo = "";
        if (input.IsKnownType)
            return false;
        title = InputProperties.GetString(input.Source, SpecKeys.CsvImageGroupTitle) ?? "";
        if (title.Length == 0)
            return false;
        createVideo = InputProperties.GetString(input.Source, SpecKeys.CsvCreateVideo) ?? "";
        return true;
    }

    /// <summary>Adds a group row. <paramref name="finished"/> is the group that the row ended (one of another title),
    /// if any; the outcome is the row's problem or warning, or none.</summary>
    public ItemOutcome Add(ObjectUrlInput input, string title, string createVideoText, out EncordImageGroup? finished)
    {
        finished = null;
        string url = input.ObjectUrl;
        bool? createVideo = ParseCreateVideo(createVideoText);
        if (createVideo is null)
            return ItemOutcome.Rejected(new InputProblem(RuleIds.CsvCreateVideoInvalid,
                $"The row of '{url}' in image group '{title}' has Create video '{createVideoText}'; it must be true, false or blank (blank means true).", url));
        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(url);
        if (type != DataType.Image)
        {
            Skipped++;
            return ItemOutcome.Skip(SkippedFiles.NotMember(url, type, "image", "image group"));
        }

        string? warning = null;
        if (run is null || run.Title != title)
        {
            finished = Finish();
            if (!titlesSeen.Add(title))
                warning = $"The rows of image group '{title}' are not together: other rows came between. The rows from '{url}' on form a second group " +
                          "of that title, as ConvertFrom-EncordSpec reads such a file. Keep all rows of a group together, in image order.";
            run = new Run(title, createVideo.Value);
        }
        else if (createVideo.Value != run.CreateVideo && !run.MismatchReported)
        {
            run.MismatchReported = true;
            warning = $"Create video is {Text(createVideo.Value)} in the row of '{url}', but {Text(run.CreateVideo)} in the first row of image group " +
                      $"'{title}'; the group keeps {Text(run.CreateVideo)}. Give all rows of a group the same value.";
        }
        if (!run.Seen.Add(url))
            return ItemOutcome.Rejected(new InputProblem(RuleIds.DuplicateUrlInGroup,
                $"The object URL '{url}' is already in the image group '{title}'; it is added once.", url));
        run.Urls.Add(url);
        return warning is null ? ItemOutcome.None : ItemOutcome.Skip(warning);
    }

    /// <summary>The group being read, now complete; null when there is none.</summary>
    public EncordImageGroup? Finish()
    {
        if (run is null)
            return null;
        var group = new EncordImageGroup { Title = run.Title, ObjectUrls = run.Urls.ToArray(), CreateVideo = run.CreateVideo };
        run = null;
        return group;
    }

    private static bool? ParseCreateVideo(string text)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Equals("true", StringComparison.OrdinalIgnoreCase))
            return true;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
            return false;
        return null;
    }

    private static string Text(bool value) => value ? "true" : "false";
}
