import MicroPythonCore

// The I2S units of a running board and the audio devices wired to them. The pyboard's firmware
// enables I2S2; the emulated board has an I2S amplifier with a speaker (I2SAmplifier) and an
// I2S MEMS microphone (I2SMicrophone, a 1 kHz tone at half scale) on it, so TX data has
// somewhere to go that tests can inspect and RX reads a known waveform.

final class AudioPeripherals {
    unowned let board: Board
    private(set) var i2s: [Int: I2SModel] = [:]
    let amplifier = I2SAmplifier()
    let microphone = I2SMicrophone()

    static let units = [2]

    init(_ board: Board) {
        self.board = board
        for id in Self.units {
            let u = I2SModel(board, id: id)
            u.sink = amplifier
            u.source = microphone
            i2s[id] = u
            board.attach(u)
        }
    }
}

/// Adds machine.I2S to the board's machine module.
enum AudioBindings {
    static func register() {
        Py.extendModule("machine") { [("I2S", .value(MachineI2S.type))] }
    }
}

extension Board {
    /// What the board's I2S amplifier has been sent (frames, silent frames, CRC-32 of the sample
    /// bytes, peak), for tests and front ends.
    public var audioOutput: (frames: Int, silentFrames: Int, crc: UInt32, peak: Int32) {
        let a = audio.amplifier
        return (a.frames, a.silentFrames, a.crc, a.peak)
    }
}
