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
}
