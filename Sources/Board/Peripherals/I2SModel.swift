import MicroPythonCore

// One STM32 I2S unit as ports/stm32/machine_i2s.c drives it: DMA runs continuously from init
// over a 256-byte circular buffer, and each half (128 bytes) that completes is an interrupt.
// TX: the half-complete interrupt first moves up to 512 bytes of a non-blocking write into the
// ring buffer (ibuf bytes, one kept free), then refills the DMA half from the ring when it holds
// at least 128 bytes (mono: 64 bytes duplicated to both slots), else sends silence. RX: the DMA
// always reads 32-bit slots; each completed half (16 frames) is pushed into the ring when 128
// bytes are free (else dropped), then a non-blocking read takes what it needs if all of it is
// there. The ring holds the DMA's bytes, so readinto picks the application's format out of
// 8-byte frames as the firmware's frame map does. Half-buffers are counted on virtual time from
// init; stretches where nothing but silence or dropping can happen are accounted in one step.

final class I2SModel: Peripheral {
    static let halfBytes = 128
    static let nonBlockingCopy = 512

    unowned let board: Board
    let id: Int
    var sink: I2SSink?
    var source: I2SSource?

    var active = false
    var transmit = true
    var bits = 16
    var stereo = false
    var rate = 0
    var ibuf = 0
    /// Kept handles: the I2S object (the handler's argument), the irq handler, a non-blocking buffer.
    var object = -1
    var handler = -1
    var pendingBuffer = -1
    /// The ring buffer's heap allocation (ibuf bytes), held while configured.
    var ringStorage = -1
    var pendingIndex = 0
    var copyInProgress = false

    private var ring: [UInt8] = []
    private var ringHead = 0
    private var startNanos: UInt64 = 0
    private var halvesDone: UInt64 = 0
    private var micIndex = 0

    init(_ board: Board, id: Int) {
        self.board = board
        self.id = id
    }

    // MARK: configuration

    /// Frames the DMA moves per half buffer: TX at the sample width, RX always in 32-bit slots.
    var framesPerHalf: Int { transmit && bits == 16 ? Self.halfBytes / 4 : Self.halfBytes / 8 }
    var halfNanos: UInt64 { mulDiv(UInt64(framesPerHalf), 1_000_000_000, UInt64(max(1, rate))) }
    /// Bytes of one application sample (a frame in stereo).
    var appSampleBytes: Int { bits / 8 * (stereo ? 2 : 1) }

    func start(transmit: Bool, bits: Int, stereo: Bool, rate: Int, ibuf: Int) {
        self.transmit = transmit
        self.bits = bits
        self.stereo = stereo
        self.rate = rate
        self.ibuf = ibuf
        ring = []
        ringHead = 0
        startNanos = board.scheduler.now()
        halvesDone = 0
        micIndex = 0
        copyInProgress = false
        active = true
        board.scheduler.planQuantum()
    }

    func stop() {
        active = false
        copyInProgress = false
        ring = []
        ringHead = 0
        if pendingBuffer >= 0 { Py.release(pendingBuffer); pendingBuffer = -1 }
        if ringStorage >= 0 { Py.release(ringStorage); ringStorage = -1 }
    }

    /// A new non-blocking transfer of `buffer` (a kept handle), replacing any unfinished one.
    func beginNonBlocking(_ buffer: Int) {
        if pendingBuffer >= 0 { Py.release(pendingBuffer) }
        pendingBuffer = buffer
        pendingIndex = 0
        copyInProgress = true
        board.scheduler.planQuantum()
    }

    // MARK: ring buffer (size ibuf, one byte kept free)

    var ringCount: Int { ring.count - ringHead }
    var ringSpace: Int { max(0, ibuf - 1 - ringCount) }

    func push(_ bytes: ArraySlice<UInt8>) { ring.append(contentsOf: bytes) }

    func pop(_ n: Int) -> [UInt8] {
        let out = Array(ring[ringHead..<(ringHead + n)])
        ringHead += n
        if ringHead > 4096 && ringHead * 2 > ring.count {
            ring.removeFirst(ringHead)
            ringHead = 0
        }
        return out
    }

    // MARK: virtual time

    func halfEnd(_ k: UInt64) -> UInt64 { startNanos + mulDiv(k, UInt64(framesPerHalf) * 1_000_000_000, UInt64(max(1, rate))) }
    var nextHalf: UInt64 { halfEnd(halvesDone + 1) }

    var nextEventNanos: UInt64? { active && copyInProgress ? nextHalf : nil }

    func advance(to now: UInt64) {
        guard active, rate > 0 else { return }
        while halfEnd(halvesDone + 1) <= now {
            let due = completedHalves(at: now) - halvesDone
            if !copyInProgress && idleHalves() {
                skip(due)
                return
            }
            halvesDone += 1
            if transmit { txHalf() } else { rxHalf() }
        }
    }

    private func completedHalves(at now: UInt64) -> UInt64 {
        guard now > startNanos else { return 0 }
        return mulDiv(now - startNanos, UInt64(max(1, rate)), UInt64(framesPerHalf) * 1_000_000_000)
    }

    /// Whether every further half (until the program acts) only sends silence or drops input.
    private func idleHalves() -> Bool { transmit ? ringCount < Self.halfBytes : ringSpace < Self.halfBytes }

    private func skip(_ n: UInt64) {
        guard n > 0 else { return }
        halvesDone += n
        if transmit {
            sink?.silence(frames: Int(n) * framesPerHalf, bits: bits)
        } else {
            micIndex += Int(n) * framesPerHalf
        }
    }

    /// HAL_I2S_TxHalfCpltCallback / TxCpltCallback.
    private func txHalf() {
        if copyInProgress { copyToRing() }
        let frames = framesPerHalf
        guard ringCount >= Self.halfBytes else {
            sink?.silence(frames: frames, bits: bits)
            return
        }
        let w = bits / 8
        let data = pop(stereo ? Self.halfBytes : Self.halfBytes / 2)
        var out: [(left: Int32, right: Int32)] = []
        out.reserveCapacity(frames)
        func sample(_ o: Int) -> Int32 {
            var v: UInt32 = 0
            for k in 0..<w { v |= UInt32(data[o + k]) << UInt32(8 * k) }
            return w == 2 ? Int32(Int16(truncatingIfNeeded: v)) : Int32(bitPattern: v)
        }
        for f in 0..<frames {
            if stereo {
                out.append((sample(2 * w * f), sample(2 * w * f + w)))
            } else {
                let v = sample(w * f)
                out.append((v, v))
            }
        }
        sink?.receive(out, bits: bits)
    }

    /// copy_appbuf_to_ringbuf_non_blocking.
    private func copyToRing() {
        guard pendingBuffer >= 0, let data = try? Py.readBuffer(Py.kept(pendingBuffer)) else { return }
        let n = min(Self.nonBlockingCopy, max(0, data.count - pendingIndex))
        guard ringSpace >= n else { return }
        push(data[pendingIndex..<(pendingIndex + n)])
        pendingIndex += n
        if pendingIndex >= data.count { finishNonBlocking() }
    }

    /// HAL_I2S_RxHalfCpltCallback / RxCpltCallback.
    private func rxHalf() {
        let frames = source?.frames(from: micIndex, count: framesPerHalf, rate: rate)
            ?? Array(repeating: (left: Int32(0), right: Int32(0)), count: framesPerHalf)
        micIndex += framesPerHalf
        if ringSpace >= Self.halfBytes {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Self.halfBytes)
            // the HAL's 32-bit order: the high half-word first, each half-word little-endian
            for f in frames {
                for v in [UInt32(bitPattern: f.left), UInt32(bitPattern: f.right)] {
                    bytes += [UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 24),
                              UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)]
                }
            }
            push(bytes[...])
        }
        if copyInProgress { fillFromRing() }
    }

    /// The frame map: where each byte of an 8-byte ring frame goes in an application sample.
    var frameMap: [Int] {
        switch (stereo, bits) {
        case (false, 16): return [0, 1, -1, -1, -1, -1, -1, -1]
        case (false, _): return [2, 3, 0, 1, -1, -1, -1, -1]
        case (true, 16): return [0, 1, -1, -1, 2, 3, -1, -1]
        default: return [2, 3, 0, 1, 6, 7, 4, 5]
        }
    }

    /// Application samples taken from the ring (8 ring bytes each), at most `count`.
    func takeSamples(_ count: Int) -> [UInt8] {
        let n = min(count, ringCount / 8)
        let map = frameMap
        let size = appSampleBytes
        var out = [UInt8](repeating: 0, count: n * size)
        for s in 0..<n {
            let frame = pop(8)
            for (i, m) in map.enumerated() where m >= 0 { out[s * size + m] = frame[i] }
        }
        return out
    }

    /// fill_appbuf_from_ringbuf_non_blocking.
    private func fillFromRing() {
        guard pendingBuffer >= 0 else { return }
        let buf = Py.kept(pendingBuffer)
        guard let total = try? Py.bufferLength(buf) else { return }
        let remaining = max(0, total - pendingIndex)
        let needed = min(Self.nonBlockingCopy, remaining * 8 / appSampleBytes)
        guard ringCount >= needed else { return }
        let bytes = takeSamples(needed / 8)
        _ = try? Py.withWritableBuffer(buf) { b in
            for (k, v) in bytes.enumerated() where pendingIndex + k < b.count { b[pendingIndex + k] = v }
        }
        pendingIndex += bytes.count
        if pendingIndex >= total { finishNonBlocking() }
    }

    /// The non-blocking transfer is complete: the callback is scheduled with the I2S object.
    private func finishNonBlocking() {
        copyInProgress = false
        if pendingBuffer >= 0 { Py.release(pendingBuffer); pendingBuffer = -1 }
        let f = keptOrNone(handler), o = keptOrNone(object)
        board.raiseIRQ { [weak board] in _ = board?.runHandler(f, o, hard: false, errorHeader: "") }
    }

    // MARK: Peripheral

    /// Every boot: the firmware's machine_i2s_init0 forgets the I2S objects (DMA stops).
    func reset(hard: Bool) {
        // the kept handles went with the soft reset: forget them without releasing
        pendingBuffer = -1
        ringStorage = -1
        stop()
        object = -1
        handler = -1
    }
}
