using System;
using System.Collections.Generic;
using System.IO;
using CsvHelper;
using EncordSpec.Validation;
using EncordSpec.Format;

namespace EncordSpec.Reading;

/// <summary>Reads a CSV spec (headers ObjectUrl, Image group title, Create video) row by row with CsvHelper:
/// checks the headers, the same URL and limit rules as JSON, and the Create video values, with line numbers.
/// A row without a title is a single file: an image or audio file by its extension, otherwise a video (the page
/// calls such rows videos). Consecutive rows with one title form an image group, returned when its rows end.</summary>
internal sealed class CsvSpecReader
{
    private static readonly UrlKey ObjectUrlKey = new(SpecKeys.CsvObjectUrl);

    private readonly Stream stream;
    private readonly SpecCheckContext check;
    private readonly SpecReadOptions options;
    private readonly ISpecReadListener listener;
    /// <summary>A row's file type decides its section; the checker remembers the last few extensions it saw.</summary>
    private readonly ObjectUrlChecker types = new();
    private readonly int[] sectionCounts = new int[SpecSectionNames.Count];
    private CsvReader? csv;
    private CsvColumns columns = new(-1, -1, -1, 0);
    private GroupRun? run;
    private bool utf8Reported;
    /// <summary>The data row being read (the header not counted): where its findings are.</summary>
    private ItemLocation row;

    public CsvSpecReader(Stream stream, SpecCheckContext check, SpecReadOptions options, ISpecReadListener listener)
    {
        this.stream = stream;
        this.check = check;
        this.options = options;
        this.listener = listener;
    }

    public void Read()
    {
        check.CheckFileName();
        byte[] start = PrefixedStream.ReadStart(stream, 4);
        if (Utf8Text.DetectWideEncoding(start) is { } encoding)
        {
            check.Report(RuleIds.EncodingNotUtf8, "", new TextPosition(1, 1),
                $"The file is {encoding} text; the platform reads specs as UTF-8. Save it as UTF-8 (in Excel: 'CSV UTF-8').");
            return;
        }
        if (Utf8Text.HasUtf8ByteOrderMark(start))
            check.Report(RuleIds.ByteOrderMark, "", new TextPosition(1, 1),
                "The file starts with a UTF-8 byte order mark (Excel writes one). A reader that does not expect it sees the first header as " +
                "'\\uFEFFObjectUrl' instead of 'ObjectUrl'; save the file as UTF-8 without BOM.");

        var csvOptions = new CsvReaderOptions
        {
            Separator = options.CsvDelimiter,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MaxRecordSize = Math.Min(SpecLimits.MaxCsvRecordBytes, options.MaxBufferedBytes),
            OnMalformedRecord = OnMalformedRecord,
        };
        using var reader = CsvReader.Create(new PrefixedStream(start, stream, options.CancellationToken), csvOptions, leaveOpen: true);
        csv = reader;
        try
        {
            if (!ReadHeader())
                return;
            while (reader.Read())
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                ReadRow();
            }
            FinishRun();
            if (check.Items == 0)
                check.Report(RuleIds.SpecEmpty, "", TextPosition.None, "The spec has a header but no rows. Add a row per file.");
        }
        catch (CsvFormatException e) when (IsRecordTooLarge(e))
        {
            int megabytes = Math.Min(SpecLimits.MaxCsvRecordBytes, options.MaxBufferedBytes) / (1024 * 1024);
            check.Report(RuleIds.ValueTooLarge, e.RecordNumber > 1 ? "row " + (e.RecordNumber - 1) : "header", new TextPosition(e.LineNumber, 0),
                $"This row is longer than {(megabytes > 0 ? megabytes + " MB" : "the reader's limit")}. No valid spec has such a row (object URLs are at most 16 KB); " +
                "if a field opens a quote that is never closed, the rest of the file is read as that one field: check the quotes. Reading stops here.");
        }
        catch (CsvFormatException e)
        {
            check.Report(RuleIds.CsvMalformed, e.RecordNumber > 1 ? "row " + (e.RecordNumber - 1) : "", new TextPosition(e.LineNumber, 0),
                $"The CSV cannot be read on: {e.Message} Check the quotes: a quoted field must end with a quote before the next comma or line end.");
        }
    }

    /// <summary>CsvHelper's exception for a row past MaxRecordSize, which says nothing about the row's syntax (CsvHelper
    /// gives it no reason code; the message names the option).</summary>
    private static bool IsRecordTooLarge(CsvFormatException e) => e.Message.IndexOf(nameof(CsvReaderOptions.MaxRecordSize), StringComparison.Ordinal) >= 0;

    private bool ReadHeader()
    {
        var headers = csv!.Headers;
        if (headers.Count == 0 || (headers.Count == 1 && headers[0].Length == 0))
        {
            check.Report(RuleIds.SpecEmpty, "", TextPosition.None,
                $"The file is empty. A CSV spec starts with the header line {string.Join(",", SpecKeys.CsvHeaders)}.");
            return false;
        }
        columns = CsvHeader.Read(headers, out var problems);
        foreach (var problem in problems)
            check.Report(problem.RuleId, "header", problem.Position, problem.Message);
        return columns.Url >= 0;
    }

    /// <summary>"row 4".</summary>
    private string RowLocation => row.ToString();

    private string LocationOf(string? key) => row.LocationOf(key);

    private void ReadRow()
    {
        var reader = csv!;
        long line = reader.LineNumber;
        row = ItemLocation.Row(reader.RowNumber);
        if (reader.FieldCount > columns.Count)
            check.Report(RuleIds.CsvTooManyFields, RowLocation, new TextPosition(line, ColumnOf(columns.Count)),
                $"This row has {reader.FieldCount} fields, the header {columns.Count}. A comma inside a value needs the value in double quotes.");

        string url = Field(columns.Url, line);
        string title = columns.Title >= 0 ? Field(columns.Title, line) : "";
        string createVideoText = columns.CreateVideo >= 0 ? Field(columns.CreateVideo, line) : "";
        bool? createVideo = ParseCreateVideo(createVideoText, line);
        var urlPosition = new TextPosition(line, ColumnOf(columns.Url));

        if (title.Length == 0)
        {
            FinishRun();
            if (createVideoText.Length > 0)
                check.Report(RuleIds.CsvCreateVideoWithoutTitle, LocationOf(SpecKeys.CsvCreateVideo), new TextPosition(line, ColumnOf(columns.CreateVideo)),
                    "This row has no image group title, so its Create video value means nothing. Leave it blank, or add the group's title.");
            ReadSingleRow(url, urlPosition);
        }
        else
        {
            ReadGroupRow(url, title, createVideo, urlPosition);
        }
    }

    private void ReadSingleRow(string url, TextPosition position)
    {
        var type = types.TypeOf(url.AsSpan());
        var section = type switch
        {
            DataType.Image => SpecSection.Images,
            DataType.Audio => SpecSection.Audio,
            DataType.Text => SpecSection.Text,
            DataType.Pdf => SpecSection.Pdf,
            DataType.Nifti => SpecSection.Nifti,
            _ => SpecSection.Videos,
        };
        check.CountItem(row, position);
        check.CheckObjectUrl(url.AsSpan(), ObjectUrlKey, section, row, position, groupId: 0);
        if (check.RequiresMediaMetadata)
            check.CheckMediaMetadataGiven(section, given: false, LocationOf(SpecKeys.CsvObjectUrl), position, "This row (CSV cannot carry media metadata; use JSON)");
        if (section is not (SpecSection.Images or SpecSection.Videos))
            check.Report(RuleIds.UnsupportedFileType, LocationOf(SpecKeys.CsvObjectUrl), position,
                $"The ObjectUrl '{ObjectUrlChecker.Shown(url)}' is {DescribeJsonOnly(section)}, but the CSV form has none (the page names videos, images and image groups). " +
                $"Put it in a JSON spec's {section.JsonName()} section.");
        if (options.ReadItems)
        {
            EncordSingleItem item = section switch
            {
                SpecSection.Images => new EncordImage(url),
                SpecSection.Audio => new EncordAudio(url),
                SpecSection.Text => new EncordText(url),
                SpecSection.Pdf => new EncordPdf(url),
                SpecSection.Nifti => new EncordNifti(url),
                _ => new EncordVideo(url),
            };
            item.Source = new SpecItemSource(options.Path, section, sectionCounts[(int)section]++, position.Line);
            listener.OnItem(item);
        }
    }

    private static string DescribeJsonOnly(SpecSection section) => section switch
    {
        SpecSection.Audio => "an audio file",
        SpecSection.Text => "a text file",
        SpecSection.Pdf => "a PDF",
        _ => "a NIfTI file",
    };

    private void ReadGroupRow(string url, string title, bool? createVideo, TextPosition urlPosition)
    {
        if (run is null || run.Title != title)
        {
            FinishRun();
            run = new GroupRun(title, urlPosition.Line, createVideo ?? true, check.NewGroup());
            check.CountItem(row, urlPosition);
            if (!check.RememberTitle(title.AsSpan(), urlPosition.Line, out long firstLine))
                check.Report(RuleIds.CsvGroupRowsApart, LocationOf(SpecKeys.CsvImageGroupTitle), new TextPosition(urlPosition.Line, ColumnOf(columns.Title)),
                    $"The image group '{title}' already had rows from line {firstLine}, then other rows came between. Keep all rows of a group together, " +
                    "in image order; ConvertFrom-EncordSpec returns the parts as separate groups.");
        }
        else if ((createVideo ?? true) != run.CreateVideo && !run.MismatchReported)
        {
            run.MismatchReported = true;
            check.Report(RuleIds.CsvCreateVideoMismatch, LocationOf(SpecKeys.CsvCreateVideo), new TextPosition(urlPosition.Line, ColumnOf(columns.CreateVideo)),
                $"Create video is {(createVideo ?? true ? "true (or blank)" : "false")} here, but {(run.CreateVideo ? "true (or blank)" : "false")} on line {run.FirstLine} " +
                $"of the same image group '{title}'. Give all rows of a group the same value (false on every row for the original images).");
        }
        check.CheckObjectUrl(url.AsSpan(), ObjectUrlKey, SpecSection.ImageGroups, row, urlPosition, run.GroupId);
        if (options.ReadItems)
            run.Urls.Add(url);
    }

    private void FinishRun()
    {
        if (run is null) return;
        if (options.ReadItems)
            listener.OnItem(new EncordImageGroup
            {
                Title = run.Title,
                ObjectUrls = run.Urls.ToArray(),
                CreateVideo = run.CreateVideo,
                Source = new SpecItemSource(options.Path, SpecSection.ImageGroups, sectionCounts[(int)SpecSection.ImageGroups]++, run.FirstLine),
            });
        run = null;
    }

    private bool? ParseCreateVideo(string text, long line)
    {
        switch (text)
        {
            case "": return null;
            case "true": return true;
            case "false": return false;
        }
        check.Report(RuleIds.CsvCreateVideoInvalid, LocationOf(SpecKeys.CsvCreateVideo), new TextPosition(line, ColumnOf(columns.CreateVideo)),
            $"Create video is '{text}'; it must be true, false or blank (blank means true)." +
            (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
                ? " Write it in lower case, as the page does." : ""));
        return null;
    }

    /// <summary>Field text; a decoding problem (invalid UTF-8, which CsvHelper replaces with U+FFFD) is reported once.</summary>
    private string Field(int column, long line)
    {
        string text = csv!.GetString(column);
        if (!utf8Reported && text.IndexOf('\uFFFD') >= 0 && column < csv.FieldCount && !Utf8Text.IsValid(csv.GetRawSpan(column)))
        {
            utf8Reported = true;
            check.Report(RuleIds.InvalidUtf8, RowLocation, new TextPosition(line, ColumnOf(column)),
                "This field is not valid UTF-8 (this is the first such place). The platform cannot read it; save the file as UTF-8.");
        }
        return text;
    }

    /// <summary>The 1-based column where field <paramref name="index"/> of the current row starts (exact unless a
    /// quoted field before it spans lines).</summary>
    private long ColumnOf(int index)
    {
        var reader = csv!;
        long column = 1;
        int fields = Math.Min(index, reader.FieldCount);
        for (int i = 0; i < fields; i++)
            column += TextPositionTracker.Utf16Length(reader.GetRawSpan(i)) + 1;
        return column;
    }

    private void OnMalformedRecord(CsvMalformedRecord record)
    {
        string what = record.Reason switch
        {
            CsvMalformedReason.StrayQuote => "a quote inside a field that does not start with one",
            CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
            CsvMalformedReason.UnterminatedQuote => "a quote that is never closed, so the rest of the file is one field",
            CsvMalformedReason.LineBreakInQuotes => "a line break inside quotes",
            _ => record.Reason.ToString(),
        };
        check.Report(RuleIds.CsvMalformed, record.RecordNumber > 1 ? "row " + (record.RecordNumber - 1) : "header", new TextPosition(record.LineNumber, 0),
            $"This row has {what}. A field that holds a quote or comma must be in double quotes, with each quote inside doubled (\"\").");
    }

    /// <summary>The rows of the image group being read: its title, first line, Create video value and id for
    /// the URL checks, whether a differing Create video was reported, and its URLs when items are built.</summary>
    private sealed record GroupRun(string Title, long FirstLine, bool CreateVideo, long GroupId)
    {
        public bool MismatchReported { get; set; }
        public List<string> Urls { get; } = new();
    }
}
