// What Get-Help shows of ConvertFrom-EncordSpec beyond its synopsis (the <summary> in ../ConvertFromEncordSpecCommand.cs): the compiler
// merges the doc comments of a partial class's declarations into one, which src/Help turns into the MAML help.
namespace EncordSpec.Cmdlets;

/// <remarks>
/// <para>ConvertFrom-EncordSpec streams the items of each spec in file order: EncordImage, EncordVideo,
/// EncordAudio, EncordText, EncordPdf and EncordNifti objects (ObjectUrl, Title, ClientMetadata, MediaMetadata) and EncordImageGroup and
/// EncordDicomSeries objects (Title, ObjectUrls in objectUrl_N order, CreateVideo, ClientMetadata). Each carries
/// its Source: the file, the section, the index there and the line. Metadata comes back as ordered dictionaries
/// with the key order of the file.</para>
/// <para>So specs can be converted, merged, split, filtered and de-duplicated with ordinary PowerShell and written
/// again with ConvertTo-EncordSpec, which accepts these objects. The top-level flags (skip_duplicate_urls,
/// upsert_metadata) belong to the file, not to items; give them to ConvertTo-EncordSpec again.</para>
/// <para>The spec is checked as it is read, with the same rules and messages as Test-EncordSpec: findings of Error
/// severity are written as non-terminating errors (ErrorId = rule id), the others as warnings. Items that break a
/// rule still come out, so they can be fixed in the pipeline, unless a part of them could not be read at all
/// (an objectUrl that is missing or not a string, metadata that is not an object, ...). A JSON syntax error ends
/// the file; the items before it have come out already. CSV rows without an image group title become EncordImage
/// or EncordAudio (or EncordText, EncordPdf, EncordNifti, each with an UnsupportedFileType warning, since the CSV
/// form has none of them) by their extension and EncordVideo otherwise, as the format page calls such rows videos.</para>
/// <para>Numbers in metadata come back as ordinary numbers: Int64 when integral, else Decimal, or Double when Decimal
/// cannot hold them (1e-29, 5e-324, integers beyond 29 digits). Arithmetic, comparisons, Sort-Object, ConvertTo-Json
/// and Export-Csv treat them as any number. ConvertTo-EncordSpec writes each such value exactly as the spec wrote it
/// (1e-29 stays 1e-29, -0 stays -0, 1E2 stays 1E2, a 40-digit integer keeps every digit), so a spec read and written
/// again keeps its numbers; a value you replace, or compute from one, is written as the new number. The typed
/// MediaMetadata fields (Width, Fps, ...) are written in their usual form.</para>
/// <para>Memory: items come out one at a time, and the checks cost what they cost Test-EncordSpec (16-32 bytes per
/// object URL of the file). An EncordImageGroup or EncordDicomSeries holds all its URLs, so it comes out once its
/// last key is read: each URL costs its string (2 bytes a character and about 24 bytes more) and a reference in the
/// group's array, and about 16 bytes more while the group is read. One image group of 10 million 48-character URLs
/// on one line peaked at 2.2 GB (the group's object about 1.3 GB of it); split such a group before it reaches a spec.
/// A URL or title of many megabytes costs about 6 times its size while read (the item keeps it as a string; 258 MB
/// for a 25 MB objectUrl), a CSV row about 5.5 times; a value or row past 64 MB ends the read with ValueTooLarge.</para>
/// </remarks>
/// <example>
/// <code>ConvertFrom-EncordSpec ./upload.json | Group-Object Section</code>
/// <para>Shows how many images, videos, image groups, DICOM series, audio, text, PDF and NIfTI files a spec holds.</para>
/// </example>
/// <example>
/// <code>ConvertFrom-EncordSpec a.json, b.json | Sort-Object ObjectUrl -Unique | ConvertTo-EncordSpec -Csv -Path merged.csv</code>
/// <para>Merges two JSON specs of single files into one CSV spec without repeated URLs.</para>
/// </example>
/// <example>
/// <code>ConvertFrom-EncordSpec big.json | Select-Object -First 250000 | ConvertTo-EncordSpec -Path part1.json</code>
/// <para>Takes the first 250,000 items of a spec into a smaller one (the platform accepts 500,000 items per file).</para>
/// </example>
/// <example>
/// <code>ConvertFrom-EncordSpec old.json | ForEach-Object { if ($_.ObjectUrl) { $_.ObjectUrl = $_.ObjectUrl -replace ' ', '+' }; $_ } | ConvertTo-EncordSpec -Path fixed.json</code>
/// <para>Repairs object URLs that contain spaces (reported as ObjectUrlWhitespace) and writes a fixed spec.</para>
/// </example>
/// <example>
/// <code>$item = ConvertFrom-EncordSpec ./upload.json | Select-Object -First 1; $item.ClientMetadata.frames + 1</code>
/// <para>Computes with a metadata number as with any PowerShell number. Writing $item again with ConvertTo-EncordSpec
/// keeps frames exactly as the spec wrote it, unless it was given a new value.</para>
/// </example>
public sealed partial class ConvertFromEncordSpecCommand;
