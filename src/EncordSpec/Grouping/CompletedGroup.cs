namespace EncordSpec.Grouping;

/// <summary>A group ready to be written: its title, unique in the run, and its object URLs in their final order.</summary>
internal sealed record CompletedGroup(string Title, string[] ObjectUrls);
