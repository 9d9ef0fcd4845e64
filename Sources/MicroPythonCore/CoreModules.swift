// Every built-in module of the core, registered at start-up (each is built on first import).
// Board modules are added by the board layer through `moduleRegistrations`.

let coreModuleRegistrars: [() -> Void] = [
    ModuleMath.register, ModuleRandom.register, ModuleHeapq.register, ModuleErrno.register,
    ModuleBinascii.register, ModuleHashlib.register, ModuleStruct.register, ModuleArray.register,
    ModuleJson.register, ModuleRe.register, ModuleCollections.register, ModuleIO.register,
    ModuleTime.register, ModulePlatform.register, ModuleOS.register,
    ModuleFramebuf.register, ModuleCryptolib.register, ModuleUctypes.register, ModuleDeflate.register, ModuleSelect.register,
    ModuleThread.register,
]
