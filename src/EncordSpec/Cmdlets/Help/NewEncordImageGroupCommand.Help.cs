// What Get-Help shows of New-EncordImageGroup beyond its synopsis (the <summary> in ../NewEncordImageGroupCommand.cs): the compiler
// merges the doc comments of a partial class's declarations into one, which src/Help turns into the MAML help.
namespace EncordSpec.Cmdlets;

/// <remarks>
/// <para>New-EncordImageGroup collects the images of an upload spec's image_groups section: images that are
/// annotated together as one task, either as a video built from them or as the original images. It takes object
/// URLs from the pipeline, as strings or as objects with an ObjectUrl (or Url) property, such as rows of Import-Csv
/// or the CloudObject objects of Get-CloudObject, and outputs EncordSpec.EncordImageGroup objects for
/// <see cref="ConvertToEncordSpecCommand"/>.</para>
/// <para>With -Title, all input goes into one group. With -GroupBy Folder, the images of each folder form a group
/// titled by the folder's name (for objects from Get-CloudObject, its path below -Prefix, so that titles do not
/// depend on the order a parallel listing returns folders in); with -GroupBy and a scriptblock, each distinct key the scriptblock returns forms a
/// group titled by the key. -TitlePrefix goes before those titles. Two groups of one run never share a title: a
/// repeated title gets a " (2)" suffix.</para>
/// <para>The groups are output when the input ends, in the order their first image arrived. Within a group the
/// images are ordered by a natural sort of their URL's path (frame 2 before frame 10), unless -NoSort keeps the
/// pipeline order; the spec lists them in that order as objectUrl_0, objectUrl_1 and so on.</para>
/// <para>An input that is not an image (by the extension of its URL, or by its DataType property), has no URL,
/// or has whitespace in its URL gets a non-terminating error naming it (NotAnImage, ObjectUrlMissing,
/// ObjectUrlWhitespace) and is left out; a URL already in its group gets DuplicateUrlInGroup and is added once.
/// The other images are still grouped.</para>
/// </remarks>
/// <example>
/// <code>
/// 'https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/3-IOS-4-Light+Environment/3+(33).jpg',
/// 'https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/3-IOS-4-Light+Environment/3+(32).jpg' |
///     New-EncordImageGroup -Title apple-ios-light -CreateVideo $false
/// </code>
/// <para>Makes one image group titled apple-ios-light from two S3 object URLs, with 3+(32).jpg first, and
/// createVideo false so that the platform keeps the original images instead of building a video.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./frames.csv | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Path ./frames.json
/// </code>
/// <para>Reads object URLs from the ObjectUrl column of frames.csv, makes one group per folder (the folder
/// .../1-Samsung-S4-Light+Environment/ becomes the group "1-Samsung-S4-Light Environment") and writes the spec
/// to frames.json.</para>
/// </example>
/// <example>
/// <code>
/// Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ -DataType Image |
///     New-EncordImageGroup -GroupBy Folder -ClientMetadata @{ dataset = 'food'; reviewed = $false } |
///     ConvertTo-EncordSpec -Json -Path ./food.json
/// </code>
/// <para>Lists the images under food-dataset/ in an S3 bucket, makes one group per folder with the same
/// clientMetadata on every group, and writes the JSON spec.</para>
/// </example>
/// <example>
/// <code>
/// Get-Content ./azure-urls.txt |
///     New-EncordImageGroup -GroupBy { ($_ -split '/')[-1] -replace '_\d+\.jpg$' } -TitlePrefix 'site-a-'
/// </code>
/// <para>Groups Azure blob URLs such as https://myaccount.blob.core.windows.net/mycontainer/cam01_0001.jpg by the
/// camera in their file name: the key cam01 makes the group site-a-cam01.</para>
/// </example>
/// <example>
/// <code>
/// 'gs://example-image-bucket/scan/page-10.png', 'gs://example-image-bucket/scan/page-2.png' |
///     New-EncordImageGroup -Title scan -NoSort
/// </code>
/// <para>Keeps the GCS images in the order given (page-10 first) instead of sorting them.</para>
/// </example>
/// <returns>One EncordSpec.EncordImageGroup per group (Title, CreateVideo, ObjectUrls, Count, ClientMetadata), output
/// when the input ends.</returns>
/// <seealso cref="NewEncordDicomSeriesCommand"/>
/// <seealso cref="ConvertToEncordSpecCommand"/>
public sealed partial class NewEncordImageGroupCommand;
