// The heapq module, as MicroPython's extmod/modheapq.c (heappush, heappop, heapify), plus
// heapreplace and heappushpop with CPython's semantics. Heaps are lists compared with `<`.
// Items are re-read from the list after every comparison: a user __lt__ may run a collection
// (the list storage does not move then) or even mutate the list, so indices are re-checked.

private func heapList(_ o: Obj) throws -> Obj {
    guard o.isType(.list) else { throw typeError("heap must be a list") }
    return o
}

@inline(__always) private func heapLess(_ a: Obj, _ b: Obj) throws -> Bool {
    if a.isSmallInt && b.isSmallInt { return a.smallInt < b.smallInt }
    return try compareOp(.lt, a, b) == .true
}

private func checkSize(_ heap: Obj, _ n: Int) throws {
    if listLen(heap) != n { throw runtimeError("list changed size during iteration") }
}

/// Moves the item at pos up towards startPos while it is smaller than its parent.
private func siftDown(_ heap: Obj, _ startPos: Int, _ posIn: Int) throws {
    var pos = posIn
    let n = listLen(heap)
    let item = listItems(heap)[pos]
    let keep = pushRoot(item)
    defer { popRoots(to: keep) }
    while pos > startPos {
        let parentPos = (pos - 1) >> 1
        let parent = listItems(heap)[parentPos]
        let less = try heapLess(item, parent)
        try checkSize(heap, n)
        if less {
            listItems(heap)[pos] = parent
            pos = parentPos
        } else {
            break
        }
    }
    listItems(heap)[pos] = item
}

/// Moves the smaller child up until a leaf is reached, then sifts the item down (CPython's way).
private func siftUp(_ heap: Obj, _ posIn: Int) throws {
    var pos = posIn
    let startPos = pos
    let endPos = listLen(heap)
    let item = listItems(heap)[pos]
    let keep = pushRoot(item)
    defer { popRoots(to: keep) }
    var childPos = 2 * pos + 1
    while childPos < endPos {
        if childPos + 1 < endPos {
            let notLess = try !heapLess(listItems(heap)[childPos], listItems(heap)[childPos + 1])
            try checkSize(heap, endPos)
            if notLess { childPos += 1 }
        }
        listItems(heap)[pos] = listItems(heap)[childPos]
        pos = childPos
        childPos = 2 * pos + 1
    }
    listItems(heap)[pos] = item
    try siftDown(heap, startPos, pos)
}

enum ModuleHeapq {
    static func register() {
        registerModule("heapq") {
            [
                ("heappush", .function(fn("heappush", 2) { a in
                    let heap = try heapList(a[0])
                    try listAppend(heap, a[1])
                    try siftDown(heap, 0, listLen(heap) - 1)
                    return .none
                })),
                ("heappop", .function(fn("heappop", 1) { a in
                    let heap = try heapList(a[0])
                    let n = listLen(heap)
                    if n == 0 { throw indexError("empty heap") }
                    let items = listItems(heap)
                    let item = items[0]
                    let keep = pushRoot(item)
                    defer { popRoots(to: keep) }
                    items[0] = items[n - 1]
                    items[n - 1] = .null
                    listSetLen(heap, n - 1)
                    if n - 1 > 0 { try siftUp(heap, 0) }
                    return item
                })),
                ("heapify", .function(fn("heapify", 1) { a in
                    let heap = try heapList(a[0])
                    var i = listLen(heap) / 2
                    while i > 0 {
                        i -= 1
                        try siftUp(heap, i)
                    }
                    return .none
                })),
                ("heapreplace", .function(fn("heapreplace", 2) { a in
                    let heap = try heapList(a[0])
                    if listLen(heap) == 0 { throw indexError("empty heap") }
                    let item = listItems(heap)[0]
                    let keep = pushRoot(item)
                    defer { popRoots(to: keep) }
                    listItems(heap)[0] = a[1]
                    try siftUp(heap, 0)
                    return item
                })),
                ("heappushpop", .function(fn("heappushpop", 2) { a in
                    let heap = try heapList(a[0])
                    var item = a[1]
                    if listLen(heap) > 0 {
                        let top = listItems(heap)[0]
                        if try heapLess(top, item) {
                            if listLen(heap) == 0 { throw indexError("empty heap") }
                            listItems(heap)[0] = item
                            item = top
                            let keep = pushRoot(item)
                            defer { popRoots(to: keep) }
                            try siftUp(heap, 0)
                        }
                    }
                    return item
                })),
            ]
        }
    }
}
