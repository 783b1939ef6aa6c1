namespace EncordSpec.Tests.Urls;

public class ObjectUrlPathTests
{
    [Theory]
    [InlineData("https://h/a/b/c.jpg?x=1", "a/b/c.jpg", "c.jpg", "https://h/a/b/")]
    [InlineData("gs://bucket/a/b#c.jpg", "a/b#c.jpg", "b#c.jpg", "gs://bucket/a/")]
    [InlineData("s3://bucket/root.jpg", "root.jpg", "root.jpg", "s3://bucket/")]
    [InlineData("file.png", "file.png", "file.png", "")]
    [InlineData("folder/file.png", "folder/file.png", "file.png", "folder/")]
    public void Splits_path_file_and_folder(string url, string path, string fileName, string folderUrl)
    {
        Assert.Equal(path, ObjectUrlPath.GetPath(url));
        Assert.Equal(fileName, ObjectUrlPath.GetFileName(url));
        Assert.Equal(folderUrl, ObjectUrlPath.GetFolderUrl(url));
    }

    [Theory]
    [InlineData("https://b.s3.eu-west-2.amazonaws.com/dir/a.b.JPG?x=1#f", "dir/a.b.JPG", "JPG")]
    [InlineData("s3://bucket/dir/what?.png", "dir/what?.png", "png")]
    [InlineData("gs://bucket", "", "")]
    [InlineData("https://host/dir.v2/file", "dir.v2/file", "")]
    [InlineData("relative/key.mp4", "relative/key.mp4", "mp4")]
    [InlineData("https://host/.hidden", ".hidden", "hidden")]
    public void Url_path_and_extension(string url, string path, string extension)
    {
        Assert.Equal(path, ObjectUrlPath.GetPath(url));
        Assert.Equal(extension, ObjectUrlPath.GetExtension(url));
        Assert.Equal(extension, ObjectUrlPath.GetExtension(UrlParts.Of(url)).ToString());
    }
}
