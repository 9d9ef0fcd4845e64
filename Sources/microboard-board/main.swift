// microboard-board: the emulated board's front end (window, serial link, control channel).
// `microboard` execs it when a board option comes first or when it starts with no arguments on a
// terminal (see Sources/microboard/BoardLauncher.swift), so the host runner never loads SDL or
// Foundation. Its options are documented in BoardMode.swift.

runBoardMode(CommandLine.arguments)
