import Foundation
import Testing
@testable import Board

// The board model without the interpreter (the runtime is a process-wide singleton that the core
// tests own; Python-level board behaviour is tested through `microboard --run` by
// Tests/board/run_board_tests.py).

@Suite struct BoardDefinitionTests {
    @Test func pyboardLoadsFromTheEmbeddedJSON() throws {
        #expect(BoardDefinition.availableIds.contains("pyboard-v11"))
        let d = try BoardDefinition.named("pyboard-v11")
        #expect(d.clock.sysclkHz == 168_000_000)
        #expect(d.machine == "PYBv1.1 with STM32F405RG")
        #expect(d.singlePrecisionFloat)
        // 1 allocation-table byte covers 4 blocks of 16 bytes: 104000 = 1600 + 6400 * 16
        #expect(d.heap.bytes / 65 * 64 == 102_400)
        #expect(d.uniqueIdBytes.count == 12)
        #expect(d.flashLayout.filesystem.size == 112 * 1024)
        let names = Set(d.pins.flatMap { $0.board })
        for n in 1...12 { #expect(names.contains("X\(n)")); #expect(names.contains("Y\(n)")) }
        for n in 17...22 { #expect(names.contains("X\(n)")) }
        #expect(d.leds.map(\.pin) == ["A13", "A14", "A15", "B4"])
        #expect(d.leds.filter { $0.pwm != nil }.map(\.id) == [3, 4])
        #expect(d.switches.first?.pin == "B3" && d.switches.first?.activeLow == true)
    }

    @Test func unknownBoardIsAClearError() {
        #expect(throws: BoardError.self) { try BoardDefinition.named("no-such-board") }
    }

    @Test func badDefinitionsAreRejected() throws {
        let d = try BoardDefinition.named("pyboard-v11")
        var dup = d
        dup.pins[1].board.append("X1")
        let data = try JSONEncoder().encode(dup)
        #expect(throws: BoardError.self) { try BoardDefinition.decode(data, id: "dup") }
        var badLED = d
        badLED.leds[0].pin = "Q9"
        #expect(throws: BoardError.self) { try BoardDefinition.decode(try JSONEncoder().encode(badLED), id: "led") }
        #expect(throws: BoardError.self) { try BoardDefinition.decode(Data("{}".utf8), id: "empty") }
    }
}

@Suite struct VirtualClockTests {
    @Test func cyclesBecomeNanosecondsWithoutDrift() {
        let c = VirtualClock(hz: 168_000_000)
        // 168 cycles = 1 µs; one cycle at a time must add up exactly
        for _ in 0..<168_000 { c.advance(cycles: 1) }
        #expect(c.nanos == 1_000_000)
        c.advance(cycles: 168_000_000 * 3)
        #expect(c.nanos == 3_001_000_000)
        #expect(c.cycles(forNanos: 1_000) == 168)
    }

    @Test func idleJumpsOnlyForward() {
        let c = VirtualClock(hz: 168_000_000)
        c.advance(to: 5_000)
        c.advance(to: 1_000)
        #expect(c.nanos == 5_000)
    }

    @Test func frequencyChangeSlowsCycles() {
        let c = VirtualClock(hz: 168_000_000)
        c.setFrequency(84_000_000)
        c.advance(cycles: 84)
        #expect(c.nanos == 1_000)
    }
}

@Suite struct PinModelTests {
    func model() throws -> PinModel { PinModel(try BoardDefinition.named("pyboard-v11")) }

    @Test func levelsFollowModeLatchPullAndDriver() throws {
        let m = try model()
        let x1 = try #require(m.index(of: "X1"))
        #expect(m.index(of: "A0") == x1)
        #expect(!m.level(x1))                        // floating input reads low
        m.configure(x1, mode: PinMode.input, pull: PinPull.up)
        #expect(m.level(x1))
        m.drive(x1, false)                           // a button to ground wins over the pull-up
        #expect(!m.level(x1))
        m.drive(x1, nil)
        m.configure(x1, mode: PinMode.output, pull: PinPull.none)
        m.write(x1, true)
        #expect(m.level(x1))
        m.configure(x1, mode: PinMode.openDrain, pull: PinPull.none)
        #expect(!m.level(x1))                        // released open drain, nothing pulling up
        m.configure(x1, pull: PinPull.up)
        #expect(m.level(x1))
        m.write(x1, false)
        #expect(!m.level(x1))
    }

    @Test func edgesMarkTheirExtiLinePending() throws {
        let m = try model()
        var attention = 0
        m.onPending = { attention += 1 }
        let sw = try #require(m.index(of: "SW"))
        m.configure(sw, mode: PinMode.input, pull: PinPull.up)
        m.lines[3] = ExtiLine(pin: sw, kind: .switchCallback, rising: false, falling: true, hard: true,
                              enabled: true, handler: -1, argument: -1)
        m.drive(sw, false)                           // press: falling edge on line 3
        #expect(m.pending == [3])
        #expect(attention == 1)
        m.drive(sw, nil)                             // release: rising, not selected
        #expect(m.pending == [3])
        m.pending.removeAll()
        // Y3 is B8, line 8: the line belongs to SW's port B pin 3 only
        let y3 = try #require(m.index(of: "Y3"))
        m.configure(y3, mode: PinMode.output)
        m.write(y3, true)
        #expect(m.pending.isEmpty)
        m.trigger(3)
        #expect(m.pending == [3])
        m.reset()
        #expect(m.pending.isEmpty && m.lines.allSatisfy { $0 == nil })
    }
}

@Suite struct MailboxTests {
    @Test func eventsArriveInOrderAcrossThreads() async {
        let box = BoardMailbox()
        await withTaskGroup(of: Void.self) { g in
            g.addTask { box.post(.button("USR", pressed: true)); box.post(.button("USR", pressed: false)) }
        }
        box.wait(timeout: 1)
        #expect(box.drain() == [.button("USR", pressed: true), .button("USR", pressed: false)])
        var s = BoardState()
        s.leds = [1, 0, 0.5, 0]
        box.publish(s)
        #expect(box.snapshot().leds == [1, 0, 0.5, 0])
    }

    @Test func waitReturnsEarlyOnWake() {
        let box = BoardMailbox()
        let start = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { box.wake() }
        box.wait(timeout: 5)
        #expect(Date().timeIntervalSince(start) < 2)
    }
}
