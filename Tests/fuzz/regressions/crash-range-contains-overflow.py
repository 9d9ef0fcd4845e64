# crash-range-contains-overflow: SIGILL (Swift arithmetic overflow)
# top frames (HEAD 172865e): rangeContains (Iter.swift:46) < containsOp (Ops.swift:495) < dispatch (VM.swift:305)
# status at HEAD 406d2e6: STILL CRASHES
5 in range(-2**63, 12)
