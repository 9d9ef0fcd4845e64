// Build-tool plugin: embeds boards/<id>/board.json and layout.json into the Board target as text, so adding a
// board means adding a data file. Runs `freeze-tool --boards <boards dir> <output .swift>`.

import Foundation
import PackagePlugin

@main
struct EmbedBoards: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let boards = context.package.directoryURL.appending(path: "boards")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedBoards.swift")
        let tool = try context.tool(named: "freeze-tool")
        // Inputs: the boards directory, each board directory and each board.json (as the firmware
        // plugin: a new board directory is noticed at the next re-plan; `touch Package.swift`).
        var inputs: [URL] = [boards]
        let fm = FileManager.default
        if let entries = try? fm.contentsOfDirectory(at: boards, includingPropertiesForKeys: nil) {
            for dir in entries.sorted(by: { $0.path() < $1.path() }) {
                inputs.append(dir)
                for name in ["board.json", "layout.json", "help.txt"] {
                    let json = dir.appending(path: name)
                    if fm.fileExists(atPath: json.path()) { inputs.append(json) }
                }
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding board definitions",
                executable: tool.url,
                arguments: ["--boards", boards.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
