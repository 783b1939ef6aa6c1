// What Get-Help shows of New-EncordDicomSeries beyond its synopsis (the <summary> in ../NewEncordDicomSeriesCommand.cs): the compiler
// merges the doc comments of a partial class's declarations into one, which src/Help turns into the MAML help.
namespace EncordSpec.Cmdlets;

/// <remarks>
/// <para>New-EncordDicomSeries collects the files of an upload spec's dicom_series section. It works like
/// <see cref="NewEncordImageGroupCommand"/>: object URLs come from the pipeline, as strings or as objects with an
/// ObjectUrl (or Url) property (rows of Import-Csv, CloudObject objects from Get-CloudObject); -Title puts all
/// input into one series, -GroupBy Folder or -GroupBy with a scriptblock makes one series per folder or key; and
/// the series come out as EncordSpec.EncordDicomSeries objects for <see cref="ConvertToEncordSpecCommand"/> when
/// the input ends, in the order their first file arrived. A series has no createVideo.</para>
/// <para>DICOM files often have no extension, or are named by their UIDs (1.2.840.10008.5.1.4.1.1.2), so a file
/// counts as DICOM when its extension is .dcm or .dicom, when it has no extension or only digits after its last
/// dot, or when its DataType property says Dicom. A file with any other extension (.jpg, .txt, ...) gets a
/// non-terminating error (NotDicom) and is left out.</para>
/// <para>Files are ordered by a natural sort of their URL's path (slice 2 before slice 10) unless -NoSort keeps
/// the pipeline order. A URL that is missing, contains whitespace or is already in its series gets a
/// non-terminating error naming it (ObjectUrlMissing, ObjectUrlWhitespace, DuplicateUrlInGroup).</para>
/// </remarks>
/// <example>
/// <code>
/// 0..3 | ForEach-Object { "https://bucket-name.obs.eu-de.otc.t-systems.com/dicom-file-$_" } |
///     New-EncordDicomSeries -Title OPEN_TELEKOM_DICOM_SERIES | ConvertTo-EncordSpec
/// </code>
/// <para>Rebuilds the format page's Open Telekom Cloud example: one series of four extensionless DICOM files,
/// output as JSON text.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./dicom-index.csv | New-EncordDicomSeries -GroupBy { $_.SeriesInstanceUID } -TitlePrefix 'CT-'
/// </code>
/// <para>Reads a CSV with ObjectUrl and SeriesInstanceUID columns and makes one series per series UID, titled
/// CT-&lt;uid&gt;.</para>
/// </example>
/// <example>
/// <code>
/// Get-CloudObject -Provider GCS -Bucket hospital-pacs -Prefix studies/2024/ -DataType Dicom |
///     New-EncordDicomSeries -GroupBy Folder -ClientMetadata @{ modality = 'CT'; site = 'north' } |
///     ConvertTo-EncordSpec -Path ./ct-series.json
/// </code>
/// <para>Lists the DICOM files under studies/2024/ in a GCS bucket, makes one series per folder with the same
/// clientMetadata on each, and writes the spec to ct-series.json.</para>
/// </example>
/// <returns>One EncordSpec.EncordDicomSeries per series (Title, ObjectUrls, Count, ClientMetadata), output when
/// the input ends.</returns>
/// <seealso cref="NewEncordImageGroupCommand"/>
/// <seealso cref="ConvertToEncordSpecCommand"/>
public sealed partial class NewEncordDicomSeriesCommand;
