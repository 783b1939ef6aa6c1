namespace EncordSpec.Listing;

/// <summary>Get-CloudObject's -Skip, -First and -IncludeTotalCount: which listed objects and folders go down the
/// pipeline, when the listing can stop, and how many matched in all.</summary>
internal sealed class ListingPaging
{
    private readonly ulong first;
    private readonly ulong skip;
    private readonly bool countAll;

    /// <param name="first">How many to emit at most (ulong.MaxValue: all).</param>
    /// <param name="skip">How many to leave out before the first one emitted.</param>
    /// <param name="countAll">-IncludeTotalCount: the listing goes on past -First to count every match.</param>
    public ListingPaging(ulong first, ulong skip, bool countAll)
    {
        this.first = first;
        this.skip = skip;
        this.countAll = countAll;
    }

    /// <summary>Objects and folders the listing matched so far, skipped and counted-only ones included: the total
    /// -IncludeTotalCount reports.</summary>
    public ulong Matched { get; private set; }

    /// <summary>Objects and folders that went down the pipeline.</summary>
    public ulong Emitted { get; private set; }

    /// <summary>True with -First or -Skip, which need the output in the store's key order.</summary>
    public bool IsPaging => first != ulong.MaxValue || skip > 0;

    /// <summary>True once -First is reached and nothing is left to count: no more listing is needed (also for the
    /// next folder that comes down the pipeline).</summary>
    public bool IsFinished => Emitted >= first && !countAll;

    /// <summary>Decides for the next matched object or folder; call once for each, in the order listed.</summary>
    public PagingStep Next()
    {
        if (++Matched <= skip)
            return PagingStep.Skip;
        if (Emitted >= first)
            return countAll ? PagingStep.CountOnly : PagingStep.Stop;
        Emitted++;
        return PagingStep.Emit;
    }

    /// <summary>Asks for no more than -First needs when every listed object counts (no filter, no delimiter, no total
    /// to count): a small -First makes a small first page.</summary>
    public int PageSize(int pageSize, bool everyListedObjectCounts)
    {
        if (!everyListedObjectCounts || countAll || first == ulong.MaxValue)
            return pageSize;
        ulong wanted = first + skip;
        if (wanted < first) // -First and -Skip so large that their sum overflows: more than any page
            return pageSize;
        return wanted < (ulong)pageSize ? (int)System.Math.Max(wanted, 1UL) : pageSize;
    }
}

