using System.Collections.Generic;

namespace EncordSpec.Storage.Inventory;

/// <summary>A binary min-heap (netstandard2.0 has no PriorityQueue): the smallest item on top.</summary>
internal sealed class BinaryHeap<T>
{
    private readonly List<T> items = new();
    private readonly IComparer<T> order;

    public BinaryHeap(IComparer<T> order) => this.order = order;

    public int Count => items.Count;

    public T Peek() => items[0];

    public void Push(T item)
    {
        items.Add(item);
        int i = items.Count - 1;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (order.Compare(items[parent], items[i]) <= 0)
                break;
            (items[i], items[parent]) = (items[parent], items[i]);
            i = parent;
        }
    }

    public T Pop()
    {
        T top = items[0];
        int last = items.Count - 1;
        items[0] = items[last];
        items.RemoveAt(last);
        if (items.Count > 0)
            SiftDown();
        return top;
    }

    /// <summary>The top item changed (a merge cursor moved on): puts it back in its place.</summary>
    public void TopChanged() => SiftDown();

    private void SiftDown()
    {
        int i = 0;
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, smallest = i;
            if (left < items.Count && order.Compare(items[left], items[smallest]) < 0) smallest = left;
            if (right < items.Count && order.Compare(items[right], items[smallest]) < 0) smallest = right;
            if (smallest == i)
                return;
            (items[i], items[smallest]) = (items[smallest], items[i]);
            i = smallest;
        }
    }
}
