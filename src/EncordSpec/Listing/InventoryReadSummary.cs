namespace EncordSpec.Listing;

/// <summary>What reading a report's data files found, known before its first object comes out: for -Verbose, and
/// to show where the temporary disk went.</summary>
/// <param name="DataFiles">Data files read.</param>
/// <param name="DataFilesInOrder">Data files whose objects were all in the store's key order, merged as they are.</param>
/// <param name="Objects">Objects kept (after -Prefix, the container and the version rows).</param>
/// <param name="ObjectsSorted">Objects that came after a row out of key order in their file, so went through the sort.</param>
/// <param name="TemporaryRuns">Sorted runs written to temporary files, by the sort and by merges of more files than
/// are read at once.</param>
internal sealed record InventoryReadSummary(int DataFiles, int DataFilesInOrder, long Objects, long ObjectsSorted, int TemporaryRuns)
{
    public override string ToString() =>
        $"{Objects:N0} objects; {DataFilesInOrder} of {DataFiles} data file{(DataFiles == 1 ? "" : "s")} in key order, " +
        $"{ObjectsSorted:N0} objects sorted, {TemporaryRuns} temporary run{(TemporaryRuns == 1 ? "" : "s")} written";
}
