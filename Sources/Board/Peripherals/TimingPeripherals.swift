import MicroPythonCore

// The timing peripherals of a running board (timers, soft timers, UARTs, RTC, analog pins,
// DAC, servos), created once per board and stepped on virtual time by the scheduler. Python
// objects never live here: callbacks and objects are `Py.keep` handles, which a soft reset
// clears together with the peripherals' state.

final class TimingPeripherals {
    unowned let board: Board
    let spec: BoardDefinition.Peripherals
    private(set) var timers: [Int: TimerModel] = [:]
    let softTimers: SoftTimerModel
    private(set) var uarts: [Int: UARTModel] = [:]
    let rtc: RTCModel
    let analog: AnalogModel
    let servos: ServoModel
    let can: CANBus

    init(_ b: Board) {
        board = b
        spec = b.definition.peripherals ?? TimingPeripherals.noPeripherals
        softTimers = SoftTimerModel(b)
        rtc = RTCModel(b)
        analog = AnalogModel(b, spec)
        servos = ServoModel(b, spec.servo)
        can = CANBus(b)
        for id in spec.timers.ids {
            timers[id] = TimerModel(b, id: id, wide: spec.timers.wide.contains(id), apb2: spec.timers.apb2.contains(id),
                                    advanced: spec.timers.advanced.contains(id))
        }
        for u in b.definition.buses.uart {
            uarts[u.id] = UARTModel(b, id: u.id, apb2: spec.uartApb2.contains(u.id))
        }
        for t in timers.keys.sorted() { b.attach(timers[t]!) }
        for u in uarts.keys.sorted() { b.attach(uarts[u]!) }
        b.attach(softTimers)
        b.attach(rtc)
        b.attach(analog)
        b.attach(servos)
        b.attach(can)
    }

    /// A board file without a peripherals section: no timers, ADC channels or servos.
    static let noPeripherals = BoardDefinition.Peripherals(
        timers: .init(ids: [], wide: [], apb2: [], advanced: []), uartApb2: [],
        adc: .init(vref: 3.3, bits: 12, channels: [:], tempChannel: 16, vrefintChannel: 17, vbatChannel: 18,
                   tempV25: 0.76, tempSlope: 0.0025, vrefint: 1.21, vbat: 3.3, vbatDivider: 2, coreTempC: 25),
        dac: [], servo: .init(timer: 0, pins: []))

    /// (APB1, APB2) timer kernel clocks: the bus clock, doubled when the bus prescaler is above 1.
    func timerClocks() -> (apb1: Int, apb2: Int) {
        let c = ModulePyb.busClocks(board.sysclkHz)
        return (c[2] < c[1] ? 2 * c[2] : c[2], c[3] < c[1] ? 2 * c[3] : c[3])
    }

    /// (APB1, APB2) peripheral clocks (the UARTs' kernel clocks).
    func busClocks() -> (apb1: Int, apb2: Int) {
        let c = ModulePyb.busClocks(board.sysclkHz)
        return (c[2], c[3])
    }
}

extension Board {
    /// Runs a peripheral's Python handler as the stm32 port does: hard handlers at once with the
    /// heap and scheduler locked (false when it raised: the caller disables the IRQ), soft ones
    /// through micropython.schedule (dropped when the queue is full, as mp_sched_schedule does).
    func runHandler(_ f: Obj, _ arg: Obj, hard: Bool, errorHeader: String) -> Bool {
        runHandler(f, args: [arg], hard: hard, errorHeader: errorHeader)
    }

    /// The same with any arguments (a soft handler gets the first: micropython.schedule passes one).
    func runHandler(_ f: Obj, args: [Obj], hard: Bool, errorHeader: String) -> Bool {
        interruptsDelivered += 1
        guard !Py.isNone(f) else { return true }
        if hard {
            scheduler.charge(definition.cost("irq.entry"))
            inInterrupt = true
            let err = Py.runHardHandler(f, args: args, errorHeader: errorHeader)
            inInterrupt = false
            return err == nil
        }
        _ = try? Py.schedule(f, args.first ?? Py.none)
        return true
    }

    /// Queues a peripheral interrupt for delivery between opcodes (or counts a wake-up event).
    func raiseIRQ(_ deliver: @escaping () -> Void) {
        peripheralIRQs.append(deliver)
        Py.requestAttention()
    }

    /// Peripheral interrupts waiting (run by deliverInterrupts while IRQs are enabled).
    func deliverPeripheralIRQs() {
        while !peripheralIRQs.isEmpty && !irqDisabled && !inInterrupt {
            let run = peripheralIRQs.removeFirst()
            run()
        }
    }

    /// The pin index of a Pin object or pin name argument.
    func pinIndex(_ o: Obj) throws -> Int { try ObjPin.find(o) }

    /// Board voltage of a pin as an ADC sees it.
    func pinVolts(_ i: Int) -> Double { timing.analog.volts(pin: i) }
}

/// (a × b) / c without overflow, rounded down or up; the quotient must fit 64 bits.
func mulDiv(_ a: UInt64, _ b: UInt64, _ c: UInt64, roundUp: Bool = false) -> UInt64 {
    let p = a.multipliedFullWidth(by: b)
    let (q, r) = c.dividingFullWidth((high: p.high, low: p.low))
    return roundUp && r > 0 ? q + 1 : q
}

/// A kept handle's object, or None.
func keptOrNone(_ h: Int) -> Obj { h >= 0 ? Py.kept(h) : Py.none }

/// Replaces a kept handle with a new object (None releases it).
func rekeep(_ h: inout Int, _ o: Obj) throws {
    if h >= 0 { Py.release(h) }
    h = Py.isNone(o) ? -1 : try Py.keep(o)
}
