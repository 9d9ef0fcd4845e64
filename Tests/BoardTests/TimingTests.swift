import Foundation
import Testing
@testable import Board
import MicroPythonCore

// The timing peripherals: pure arithmetic (no interpreter), then whole boards on the
// deterministic clock, checked through what front ends see (BoardState LED brightness) and
// through a UART host link, as a window or a PTY client would.

/// Runs a board (deterministic clock) whose REPL closure executes `steps` in order: Python
/// sources, and snapshots of the published state. The runtime and the port identity are
/// process-wide, so the run holds the runtime lock and puts the host identity back afterwards.
enum BoardRun {
    enum Step {
        case python(String)
        case snapshot
    }

    private final class Box: @unchecked Sendable {
        var out = ""
        var states: [BoardState] = []
    }

    static func run(_ steps: [Step], setup: (Board) throws -> Void = { _ in }) throws -> (out: String, states: [BoardState]) {
        try Interpreter.withRuntimeLock {
            let savedPort = portInfo, savedPlatform = platformInfo
            let savedOut = Py.stdoutWrite, savedErr = Py.stderrWrite
            defer {
                portInfo = savedPort
                platformInfo = savedPlatform
                Py.stdoutWrite = savedOut
                Py.stderrWrite = savedErr
            }
            // The heap is mapped once per process, at the first initialisation: make it the size the
            // core's and the device tests use (1 MiB), not the board's, whichever suite runs first.
            Interpreter.runIsolated(stackBytes: 64 << 20) {
                var config = RuntimeConfig()
                config.heapBytes = 1 << 20
                config.nativeStackBytes = 64 << 20
                try? Runtime.initialize(config)
            }
            var opts = BoardOptions()
            opts.clockMode = .deterministic
            opts.headless = true
            let board = try Board(opts)
            try setup(board)
            let box = Box()
            Py.stdoutWrite = { box.out += String(decoding: $0, as: UTF8.self) }
            Py.stderrWrite = { box.out += String(decoding: $0, as: UTF8.self) }
            _ = board.run(.interactive(repl: { b in
                for s in steps {
                    switch s {
                    case .python(let src):
                        _ = Interpreter.runMain(source: Array(src.utf8), filename: "<test>")
                    case .snapshot:
                        b.publish(force: true)
                        box.states.append(b.state)
                    }
                }
                return .eof
            }))
            return (box.out, box.states)
        }
    }
}

/// A host end that records what the board sent and feeds it scripted input.
final class RecordingLink: UARTHostLink, @unchecked Sendable {
    var sent: [UInt8] = []
    var input: [UInt8]
    init(input: [UInt8]) { self.input = input }
    func send(_ bytes: [UInt8]) { sent += bytes }
    func takeInput() -> [UInt8] {
        defer { input = [] }
        return input
    }
    var hasInput: Bool { !input.isEmpty }
}

@Suite struct TimingArithmeticTests {
    @Test func mulDivIsExactBeyond64Bits() {
        #expect(mulDiv(1 << 40, 1 << 30, 1 << 20) == 1 << 50)
        #expect(mulDiv(10, 3, 4) == 7)
        #expect(mulDiv(10, 3, 4, roundUp: true) == 8)
        #expect(mulDiv(12, 3, 4, roundUp: true) == 9)
    }

    @Test func timerSignalsNameTimerAndChannel() {
        #expect(TimerModel.parseSignal("TIM2_CH1")! == (2, 1, false))
        #expect(TimerModel.parseSignal("TIM8_CH3N")! == (8, 3, true))
        #expect(TimerModel.parseSignal("TIM14_CH1")! == (14, 1, false))
        #expect(TimerModel.parseSignal("TIM1_BKIN") == nil)
        #expect(TimerModel.parseSignal("USART1_TX") == nil)
    }

    @Test func calendarConversionsRoundTrip() {
        for days in [-1, 0, 10_957, 11_016, 19_782, 47_482] {
            let (y, m, d) = RTCModel.civilFromDays(days)
            #expect(RTCModel.daysFromCivil(y, m, d) == days)
        }
        #expect(RTCModel.civilFromDays(10_957) == (2000, 1, 1))
        #expect(RTCModel.unixNanos(2000, 1, 1, 0, 0, 0) == 946_684_800_000_000_000)
        // month 13 rolls into January of the next year
        #expect(RTCModel.unixNanos(2023, 13, 1, 0, 0, 0) == RTCModel.unixNanos(2024, 1, 1, 0, 0, 0))
    }

    @Test func dacNoiseIsAFullPeriodLFSR() {
        var seen = Set<UInt16>()
        for k in 0..<4095 { seen.insert(AnalogModel.lfsr(steps: UInt64(k))) }
        #expect(seen.count == 4095)
        #expect(!seen.contains(0))
        #expect(AnalogModel.lfsr(steps: 4095) == AnalogModel.lfsr(steps: 0))
    }

    @Test func boardFileDescribesTheTimingPeripherals() throws {
        let p = try #require(try BoardDefinition.named("pyboard-v11").peripherals)
        #expect(p.timers.ids == Array(1...14))
        #expect(p.timers.wide == [2, 5])
        #expect(p.adc.channels["C0"] == 10 && p.adc.channels["A7"] == 7)
        #expect(p.dac.map(\.pin) == ["A4", "A5"])
        #expect(p.servo.pins == ["A0", "A1", "A2", "A3"])
    }
}

@Suite(.serialized) struct TimingBoardTests {
    @Test func timerPWMOnTheYellowLEDIsItsBrightness() throws {
        let r = try BoardRun.run([
            .python("import pyb\nt = pyb.Timer(2, freq=1000)\nch = t.channel(1, pyb.Timer.PWM, pin=pyb.Pin('LED_YELLOW'), pulse_width_percent=25)"),
            .snapshot,
            .python("import pyb\npyb.delay(100)"),
            .snapshot,
            .python("import pyb, machine\npyb.Timer(2).channel(1).pulse_width_percent(80)\np = machine.PWM(pyb.Pin('LED_BLUE'), freq=500, duty_u16=16384)"),
            .snapshot,
            .python("import pyb\npyb.delay(100)"),
            .snapshot,
        ])
        #expect(!r.out.contains("Error"), "\(r.out)")
        let during = r.states[1], later = r.states[3]
        #expect(abs(during.leds[2] - 0.25) < 0.01, "\(during.leds)")
        #expect(during.leds[3] == 0)
        #expect(abs(later.leds[2] - 0.80) < 0.01, "\(later.leds)")
        #expect(abs(later.leds[3] - 0.25) < 0.01, "\(later.leds)")
    }

    @Test func oneKilohertzTimerInterruptsAThousandTimesPerSecond() throws {
        let r = try BoardRun.run([.python("""
            import pyb
            n = [0]
            def cb(t):
                n[0] += 1
            pyb.Timer(4, freq=1000, callback=cb)
            pyb.delay(1000)
            print(n[0])
            """)])
        #expect(r.out == "1000\n")
    }

    @Test func uartBytesReachTheHostLinkAtTheBaudRate() throws {
        let link = RecordingLink(input: Array("ping\n".utf8))
        let r = try BoardRun.run([.python("""
            import pyb, time
            u = pyb.UART(6, 9600, timeout=100)
            line = u.readline()
            t0 = time.ticks_us()
            u.write(b'pong:' + line)
            u.flush()
            print(line, time.ticks_diff(time.ticks_us(), t0) // 100)
            """)], setup: { try $0.connectUART(6, .host(link)) })
        // 10 characters of 10 bits at 9600 baud: 10.4 ms
        #expect(r.out == "b'ping\\n' 104\n", "\(r.out)")
        #expect(link.sent == Array("pong:ping\n".utf8))
    }

    @Test func analogEventsSetWhatTheADCReads() throws {
        let r = try BoardRun.run([.python("""
            import pyb
            a = pyb.ADC('X19')
            print(a.read())
            pyb.delay(20)
            print(a.read(), pyb.ADC('X20').read())
            """)], setup: { b in
                b.applyAnalog("X19", 1.0)
                b.schedule(.analog("X19", volts: 3.3), atMillis: 10)
                b.setAnalog(pin: "X20", volts: 2.0)      // through the mailbox, as a front end does
            })
        #expect(r.out == "1241\n4095 2482\n", "\(r.out)")
    }

    @Test func badPeripheralArgumentsRaiseAndTheBoardCarriesOn() throws {
        let r = try BoardRun.run([.python("""
            import pyb
            for f in (lambda: pyb.Timer(15), lambda: pyb.UART(7), lambda: pyb.UART(2, 300), lambda: pyb.DAC(9),
                      lambda: pyb.Servo(5), lambda: pyb.ADC(pyb.Pin('X17')), lambda: pyb.UART(1, 9600).write(1.5)):
                try:
                    f()
                except Exception as e:
                    print(type(e).__name__)
            print('alive')
            """)])
        #expect(r.out == "ValueError\nValueError\nValueError\nValueError\nValueError\nValueError\nTypeError\nalive\n", "\(r.out)")
    }
}
