# crash-host-alloc-os-urandom: host allocation of 2 GB before any heap check: SIGABRT 'failed to allocate' under an address-space limit, else GBs of RSS
# top frames (HEAD 172865e): closure #13 in ModuleOS.register() (ModuleOS.swift:29) < callNative (Native.swift:101)
# status at HEAD 406d2e6: STILL CRASHES
import os
os.urandom(2**31)
