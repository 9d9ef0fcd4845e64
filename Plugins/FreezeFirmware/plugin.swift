// Build-tool plugin: freezes the Python modules under firmware/ into the MicroPythonCore target.
// Runs `freeze-tool <firmware dir> <output .swift>`, which writes FrozenFirmware.swift (compiled into
// the target) only when its text changes.

import Foundation
import PackagePlugin

@main
struct FreezeFirmware: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let firmware = context.package.directoryURL.appending(path: "firmware")
        let output = context.pluginWorkDirectoryURL.appending(path: "FrozenFirmware.swift")
        let tool = try context.tool(named: "freeze-tool")
        // Inputs: every .py file, and every directory (adding or removing a file changes its
        // directory, which reruns the tool, and the tool scans the whole tree itself).
        // Caveat: firmware/ is not a target directory, so SwiftPM does not re-plan the build (nor
        // re-run this plugin) when files are added there; the input list is refreshed at the next
        // re-plan (a clean build, a change to Package.swift or to a target's file list). Until
        // then, edits to a file added since the last plan are not noticed: `touch Package.swift`.
        var inputs: [URL] = []
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: firmware.path(), isDirectory: &isDir), isDir.boolValue,
           let walker = fm.enumerator(at: firmware, includingPropertiesForKeys: [.isDirectoryKey]) {
            inputs.append(firmware)
            for case let url as URL in walker {
                if url.pathExtension == "py" {
                    inputs.append(url)
                } else if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                    inputs.append(url)
                }
            }
        }
        inputs.sort { $0.path() < $1.path() }
        return [
            .buildCommand(
                displayName: "Freezing Python modules",
                executable: tool.url,
                arguments: [firmware.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
