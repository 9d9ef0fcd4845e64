# hang-exception-unwind-full-heap: an exception unwinding through N frames while the heap is full runs one
# full GC per frame (each traceback append fails and collects; the collection scans the deep native stack).
# Not interruptible: Ctrl-C is only seen after the unwind. Time ~ depth x heap size:
#   microboard -X heapsize=2M: 2.4 s, 8M: 9 s, 32M: 37 s (HEAD 406d2e6, depth 990; depth 2400 at 2M took 6.8 s at 172865e).
# Stuck in: markStack/scanNativeStack (Heap.swift:223/282) < gcCollect (Heap.swift:306) < gcAllocSlow < gcRealloc
#   < addTraceback (ObjCore.swift:265) < execute (VM.swift:69) < generatorResume (VM.swift:890) < ...
# Found by the fuzzer as 'def gen(): yield from gen()' + 'list(gen())' after earlier inputs left the heap nearly full.
keep = []
def fill():
    try:
        while True:
            keep.append([])
    except MemoryError:
        pass
def gen(n):
    if n == 0:
        e = ValueError('x')
        fill()
        raise e
    for x in gen(n - 1):
        yield x
try:
    list(gen(990))
except BaseException as ex:
    print(type(ex))
keep = None
print('done')
