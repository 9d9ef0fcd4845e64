# crash-unbound-object-delattr: SIGSEGV (same for int/str/list/... .__delattr__ with a non-instance self)
# top frames (HEAD 172865e): MapRef.capacity (Map.swift:17) < MapRef.find < MapRef.remove (Map.swift:139) < genericDelattr (Attr.swift:241)
# status at HEAD 406d2e6: STILL CRASHES
object.__delattr__(0, 'x')
