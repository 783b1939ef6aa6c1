// What Get-Help shows of ConvertTo-EncordSpec beyond its synopsis (the <summary> in ../ConvertToEncordSpecCommand.cs): the compiler
// merges the doc comments of a partial class's declarations into one, which src/Help turns into the MAML help.
namespace EncordSpec.Cmdlets;

/// <remarks>
/// <para>ConvertTo-EncordSpec turns what comes down the pipeline into the JSON or CSV file that the Encord
/// platform's private-cloud upload takes. It accepts the groups of <see cref="NewEncordImageGroupCommand"/> and
/// <see cref="NewEncordDicomSeriesCommand"/>, typed single items (EncordSpec.EncordImage, EncordVideo,
/// EncordAudio, EncordText, EncordPdf, EncordNifti), object URLs as strings, and any object with an ObjectUrl (or Url) property, such as rows of
/// Import-Csv or the CloudObject objects of Get-CloudObject; an object's Title and ClientMetadata properties (the
/// latter an object, or JSON text as in a CSV column) become the item's title and clientMetadata. A CloudObject
/// listed with Get-CloudObject -MediaMetadata (or an object with its MediaMetadata property) has its media values
/// written as the item's imageMetadata (mimeType, fileSize, width, height), videoMetadata (fps, duration, width,
/// height, file_size, mime_type), audioMetadata (duration, file_size, mime_type, sample_rate, bit_depth, codec,
/// num_channels), textMetadata (file_size, mime_type) or pdfMetadata (file_size, num_pages), spelled as in the
/// platform's own examples.</para>
/// <para>Single files are sorted into the images, videos, audio, text, pdf and nifti sections by the extension of
/// their URL, following the file types the platform documents: images .jpg .jpeg .png .webp .avif .bmp .tif .tiff;
/// videos .mp4 .mov .webm .mkv; audio .mp3 .wav .flac .eac3 .m4a (.mp4 only where you say the file is audio); PDF
/// .pdf; text .txt .md .rst .html .htm .xml .json .csv; NIfTI .nii .nii.gz. A file of another type (.gif, .heic,
/// .avi, .ogg, ...) gets a warning (UnsupportedFileType) and is left out, and a count of the skipped files follows
/// at the end, unless you state its type (a DataType property, or a single -DataType), in which case it is written
/// with that warning. Text files are written only when asked for (-DataType Text here or on Get-CloudObject, or a
/// DataType property): beside media they are mostly labels and sidecars (YOLO writes a .txt per image), so
/// otherwise they are skipped with one warning that counts them. A lone DICOM file gets a non-terminating error (LoneDicomFile): DICOM files
/// go into a series made with New-EncordDicomSeries. An item whose URL contains whitespace, whose file name is
/// over 300 characters, or whose clientMetadata is not a JSON object or is over 10 MB as JSON, gets a
/// non-terminating error naming it and is not written; the rest of the spec is. A video, audio or NIfTI title
/// without its file's extension, and a group title with one, get a warning (the platform's SDK asks for that).</para>
/// <para>-Integration says how the workspace reaches the bucket. Standard (the default): object URLs must be
/// plain, and a signed URL is an error for its item (ObjectUrlSigned). StrictClientOnly: the platform never reads
/// the files, so every image, video, audio, text and PDF item needs its media metadata with every field (pipe
/// Get-CloudObject -MediaMetadata); an item without it is an error naming the missing fields
/// (MediaMetadataMissing). DirectAccess: the platform does not sign URLs, so pre-signed URLs are written as
/// given.</para>
/// <para>JSON (the default, or -Json) follows the format page: sections in the order images, videos,
/// image_groups, dicom_series, audio, then text, pdf and nifti; objectUrl_0, objectUrl_1, ... in order; createVideo always written;
/// title written only when given. CSV (-Csv) has the header ObjectUrl,Image group title,Create video and one row
/// per file (a row per image of an image group). The CSV form cannot carry audio, text, PDF, NIfTI, DICOM series,
/// titles of single files, clientMetadata, media metadata or the top-level flags, so any of them is a terminating error that names the first such
/// item: nothing is silently dropped.</para>
/// <para>Without -Path the spec is output as one string. With -Path it is written as UTF-8 without a byte-order
/// mark, through a temporary file in the same folder that is moved into place at the end (an interrupted run
/// leaves no half-written spec), and the file's FileInfo is output. Items are written as they arrive, so a large
/// listing does not fill memory. -WhatIf checks every item, says which files would be written, and writes
/// nothing.</para>
/// <para>No spec exceeds the platform's limits of 500,000 items and 1,000,000 object URLs per file, or the smaller
/// ones of -MaxItemsPerFile and -MaxUrlsPerFile. An input larger than that is split into numbered files beside
/// -Path: spec.json becomes spec-0001.json, spec-0002.json, ... (spec.csv becomes spec-0001.csv, ...), with a
/// warning that says how many files and why, and the FileInfo of every file is output in order. A new file begins
/// where the next item would exceed a limit, so the items keep their input order across the files (within a JSON
/// file they are sorted into its sections as usual), and an image group or DICOM series is never split: one with
/// more object URLs than a file may hold gets a non-terminating error (TooManyUrls) naming it. Every file is a
/// complete spec that passes Test-EncordSpec on its own, with "skip_duplicate_urls" and "upsert_metadata" repeated
/// where they are set. Without -Path, each spec is output as its own string.</para>
/// <para>File names: without -MaxItemsPerFile and -MaxUrlsPerFile, an input that fits in one file is written to
/// -Path itself, and only a larger one is numbered. With either, the files are always numbered, even when one holds
/// everything, so a script that uploads spec-*.json works the same for every input. The files of a split appear
/// together: each is written through its own temporary file and all are moved into place at the end, so a run that
/// fails (an error under -ErrorAction Stop, Ctrl+C, a full disk) leaves none of its files, and the files of earlier
/// runs as they were.</para>
/// <para>The spec at -Path and the numbered files beside it (from spec-0001.json up to the first number missing) are
/// one set: a spec.json from an earlier run that fitted in one file would be uploaded beside a new split, and a
/// spec-0003.json from an earlier, larger split beside a new one of two files. So without -Force any existing file
/// of the set is a terminating error (SpecFileNotWritable) before anything is written, and with -Force the new set
/// replaces the whole earlier one: files it does not overwrite are removed, with a warning naming them.</para>
/// </remarks>
/// <example>
/// <code>
/// 'https://cord-dev.s3.eu-west-2.amazonaws.com/Image1.png',
/// 'https://cord-dev.s3.eu-west-2.amazonaws.com/Cooking.mp4',
/// 'gs://example-url/object.mp4' | ConvertTo-EncordSpec
/// </code>
/// <para>Outputs the JSON text of a spec with one image and two videos, sorted into the images and videos
/// sections by their extensions.</para>
/// </example>
/// <example>
/// <code>
/// Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ -DataType Image |
///     New-EncordImageGroup -GroupBy Folder |
///     ConvertTo-EncordSpec -Json -Path ./spec.json -WhatIf
/// </code>
/// <para>Lists the images under food-dataset/, groups them by folder and checks every group, reporting what
/// would be written to spec.json without writing it. Run it again without -WhatIf to write the file.</para>
/// </example>
/// <example>
/// <code>
/// Get-Content ./million-urls.txt -ReadCount 1000 | ConvertTo-EncordSpec -Path ./spec.json
/// </code>
/// <para>Writes a million object URLs, one per line of million-urls.txt. They exceed the platform's 500,000 items
/// per file, so ConvertTo-EncordSpec writes spec-0001.json and spec-0002.json of 500,000 items each, in the order of
/// the lines, warns that it split the input into two files, and outputs both FileInfos.</para>
/// </example>
/// <example>
/// <code>
/// $files = Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -DataType Image |
///     ConvertTo-EncordSpec -Path ./uploads/spec.json -MaxItemsPerFile 10000 -SkipDuplicateUrls -Force
/// $files | Test-EncordSpec
/// </code>
/// <para>Writes the bucket's images into files of at most 10,000 items (the platform's recommendation for an
/// Enterprise plan), numbered spec-0001.json, spec-0002.json, ... even if there are fewer, each with
/// "skip_duplicate_urls": true so that a failed upload can be retried. -Force replaces the files of an earlier run,
/// removing those of it the new run does not overwrite. Test-EncordSpec then checks each file on its own.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./videos.csv | ConvertTo-EncordSpec -Csv -Path ./videos-spec.csv -Force
/// </code>
/// <para>Writes the object URLs in the ObjectUrl column of videos.csv as a CSV spec, replacing the file if it
/// exists.</para>
/// </example>
/// <example>
/// <code>
/// Get-Content ./urls.txt -ReadCount 1000 |
///     ConvertTo-EncordSpec -Path ./spec.json -SkipDuplicateUrls -ClientMetadata ([ordered]@{ project = 'kitchen'; batch = 7 })
/// </code>
/// <para>Writes a spec of the object URLs listed in urls.txt, one per line, gives every file the same
/// clientMetadata, and sets "skip_duplicate_urls": true so that the upload can be retried without adding files
/// twice. -ReadCount 1000 hands the lines over in batches of 1,000, which ConvertTo-EncordSpec takes apart: on a
/// file of a million URLs that is about twice as fast as line by line.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./recordings.csv |
///     ConvertTo-EncordSpec -Path ./recordings.json -ClientMetadata { @{ camera = $_.Camera; recorded = [datetime]$_.Recorded } }
/// </code>
/// <para>Computes each file's clientMetadata from its own CSV row ($_): the Camera column as a string and the
/// Recorded column as a date, written in ISO 8601.</para>
/// </example>
/// <example>
/// <code>
/// $base = 'https://myaccount.blob.core.windows.net/mycontainer'
/// $groups = @(
///     "$base/myblob1.jpg", "$base/myblob2.jpg" | New-EncordImageGroup -Title image_group_1
///     "$base/myblob3.jpg", "$base/myblob4.jpg" | New-EncordImageGroup -Title image_group2
/// )
/// $groups | ConvertTo-EncordSpec -Path ./azure.json
/// </code>
/// <para>Builds two Azure Blob image groups, as in the format page's Azure example, and writes them into one
/// spec.</para>
/// </example>
/// <example>
/// <code>
/// Get-CloudObject -Provider S3 -Bucket papers -Region eu-west-1 -DataType Text, Pdf |
///     ConvertTo-EncordSpec -Path ./documents.json
/// </code>
/// <para>Registers the bucket's text files and PDFs: -DataType on Get-CloudObject says text is wanted, so the
/// .txt, .md and .html files become text items instead of being skipped as sidecars.</para>
/// </example>
/// <example>
/// <code>
/// ConvertFrom-EncordSpec ./described.json | ConvertTo-EncordSpec -Integration StrictClientOnly -Path ./strict.json
/// </code>
/// <para>For a strict client-only integration, which never reads the files: rewrites a spec keeping only the items
/// that carry complete media metadata (imageMetadata, videoMetadata, audioMetadata, textMetadata, pdfMetadata);
/// each other item gets a MediaMetadataMissing error naming the fields it lacks.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./presigned.csv | ConvertTo-EncordSpec -Integration DirectAccess -Path ./direct.json
/// </code>
/// <para>Writes pre-signed URLs for a Direct Access integration; under the default Standard integration each would
/// be refused as ObjectUrlSigned.</para>
/// </example>
/// <returns>Without -Path, the spec as a string (JSON or CSV text), one per spec when the input is split; with -Path,
/// the FileInfo of every file written, in order; with -WhatIf, nothing.</returns>
/// <seealso cref="NewEncordImageGroupCommand"/>
/// <seealso cref="NewEncordDicomSeriesCommand"/>
public sealed partial class ConvertToEncordSpecCommand;
