namespace ArchGym.Simulators.Dram;

/// <summary>A growable FIFO ring of structs (no allocation once warmed up; no boxing).</summary>
internal sealed class Ring<T> where T : struct
{
    private T[] _items = new T[16];
    private int _head;

    public int Count { get; private set; }

    public ref T Peek() => ref _items[_head];

    public ref T this[int i] => ref _items[(_head + i) & (_items.Length - 1)];

    public void Enqueue(in T item)
    {
        if (Count == _items.Length) Grow();
        _items[(_head + Count) & (_items.Length - 1)] = item;
        Count++;
    }

    public T Dequeue()
    {
        var item = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return item;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (int i = 0; i < Count; i++) bigger[i] = _items[(_head + i) & (_items.Length - 1)];
        _items = bigger;
        _head = 0;
    }
}
