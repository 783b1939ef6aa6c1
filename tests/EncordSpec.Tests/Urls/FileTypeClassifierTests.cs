namespace EncordSpec.Tests.Urls;

public class FileTypeClassifierTests
{
    [Theory]
    [InlineData("https://cord-dev.s3.eu-west-2.amazonaws.com/Image1.png", DataType.Image)]
    [InlineData("https://b.s3.eu-west-2.amazonaws.com/food/1+(32).JPG", DataType.Image)]
    [InlineData("gs://b/photos/a.JpEg", DataType.Image)]
    [InlineData("https://a.blob.core.windows.net/c/clip.MOV", DataType.Video)]
    [InlineData("s3://b/Cooking.mp4", DataType.Video)]
    [InlineData("gs://b/talk.wav", DataType.Audio)]
    [InlineData("gs://b/ct/slice.dcm", DataType.Dicom)]
    [InlineData("gs://b/notes.txt", DataType.Text)]
    [InlineData("gs://b/page.HTML", DataType.Text)]
    [InlineData("gs://b/labels.csv", DataType.Text)]
    [InlineData("gs://b/report.pdf", DataType.Pdf)]
    [InlineData("gs://b/brain.nii", DataType.Nifti)]
    [InlineData("gs://b/brain.NII.GZ", DataType.Nifti)]
    [InlineData("gs://b/backup.tar.gz", DataType.Unsupported)]
    [InlineData("gs://b/.nii.gz", DataType.Unsupported)]
    [InlineData("gs://b/a.avif", DataType.Image)]
    [InlineData("gs://b/a.tiff", DataType.Image)]
    [InlineData("gs://b/clip.mkv", DataType.Video)]
    [InlineData("gs://b/song.eac3", DataType.Audio)]
    [InlineData("gs://b/song.m4a", DataType.Audio)]
    [InlineData("https://a.blob.core.windows.net/myblob", DataType.Unsupported)]
    [InlineData("https://host/dir.jpg/file", DataType.Unsupported)] // the extension of the file, not of a folder
    public void Classifies_by_the_extension_of_the_path(string url, DataType expected)
    {
        Assert.Equal(expected, FileTypeClassifier.Classify(url));
    }

    [Theory]
    [InlineData("gs://b/anim.gif")]
    [InlineData("gs://b/phone.heic")]
    [InlineData("gs://b/old.avi")]
    [InlineData("gs://b/song.ogg")]
    [InlineData("gs://b/clip.m4v")]
    public void Files_the_platform_does_not_document_are_unsupported(string url)
    {
        Assert.Equal(DataType.Unsupported, FileTypeClassifier.Classify(url));
    }

    [Fact]
    public void Image_sequences_take_every_documented_image_but_tiff()
    {
        Assert.True(FileTypeClassifier.FitsImageSequence("gs://b/a.png"));
        Assert.False(FileTypeClassifier.FitsImageSequence("gs://b/a.TIF"));
        Assert.False(FileTypeClassifier.FitsImageSequence("gs://b/a.tiff"));
    }

    [Fact]
    public void Ignores_query_and_fragment_of_https_urls_but_not_of_raw_s3_or_gs_keys()
    {
        Assert.Equal(DataType.Image, FileTypeClassifier.Classify("https://host/a.jpg?versionId=3"));
        Assert.Equal(DataType.Image, FileTypeClassifier.Classify("https://host/a.jpg#frag"));
        // In s3:// and gs:// URIs the key is raw, so '#' and '?' are part of the file name.
        Assert.Equal(DataType.Unsupported, FileTypeClassifier.Classify("gs://b/a.jpg#frag"));
        Assert.Equal(DataType.Image, FileTypeClassifier.Classify("s3://b/hash#frag.jpg"));
    }

    [Theory]
    [InlineData("gs://b/series/IM0001")]
    [InlineData("gs://b/series/1.2.840.10008.5.1.4.1.1.2")]
    [InlineData("gs://b/series/a.DCM")]
    public void Counts_extensionless_and_uid_named_files_as_dicom_only_when_asked(string url)
    {
        Assert.Equal(DataType.Dicom, FileTypeClassifier.Classify(url, extensionlessIsDicom: true));
        if (!url.EndsWith(".DCM", StringComparison.Ordinal))
            Assert.Equal(DataType.Unsupported, FileTypeClassifier.Classify(url));
    }

    [Fact]
    public void A_known_other_type_is_never_dicom()
    {
        Assert.Equal(DataType.Image, FileTypeClassifier.Classify("gs://b/series/preview.png", extensionlessIsDicom: true));
    }

    [Theory]
    [InlineData("application/dicom", DataType.Dicom)]
    [InlineData("image/png", DataType.Image)]
    [InlineData("video/mp4; codecs=avc1", DataType.Video)]
    [InlineData("audio/mpeg", DataType.Audio)]
    [InlineData("application/pdf", DataType.Pdf)]
    [InlineData("text/plain; charset=utf-8", DataType.Text)]
    [InlineData("image/gif", DataType.Unsupported)]
    [InlineData("application/octet-stream", DataType.Unsupported)]
    [InlineData(null, DataType.Unsupported)]
    public void Classifies_content_types(string? contentType, DataType expected)
    {
        Assert.Equal(expected, FileTypeClassifier.ClassifyContentType(contentType));
    }
}
