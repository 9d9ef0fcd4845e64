import MicroPythonCore

// The stm module: raw memory access (mem8/mem16/mem32, the same objects as machine.mem*) and
// the STM32F405's peripheral base addresses and register offsets (RM0090), named as the stm32
// port's generated module names them, so register-level code runs unchanged:
//   stm.mem32[stm.GPIOA + stm.GPIO_BSRR] = 1 << 13     # PA13 high: the red LED
// Reads through mem32 are signed, as on the board (mp_obj_new_int of the word); addresses must
// be aligned to the access size.

enum ModuleStm {
    static let bases: [(String, Int)] = [
        ("TIM2", 0x4000_0000), ("TIM3", 0x4000_0400), ("TIM4", 0x4000_0800), ("TIM5", 0x4000_0C00),
        ("TIM6", 0x4000_1000), ("TIM7", 0x4000_1400), ("TIM12", 0x4000_1800), ("TIM13", 0x4000_1C00),
        ("TIM14", 0x4000_2000), ("RTC", 0x4000_2800), ("WWDG", 0x4000_2C00), ("IWDG", 0x4000_3000),
        ("I2S2EXT", 0x4000_3400), ("SPI2", 0x4000_3800), ("SPI3", 0x4000_3C00), ("I2S3EXT", 0x4000_4000),
        ("USART2", 0x4000_4400), ("USART3", 0x4000_4800), ("UART4", 0x4000_4C00), ("UART5", 0x4000_5000),
        ("I2C1", 0x4000_5400), ("I2C2", 0x4000_5800), ("I2C3", 0x4000_5C00), ("CAN1", 0x4000_6400),
        ("CAN2", 0x4000_6800), ("PWR", 0x4000_7000), ("DAC", 0x4000_7400), ("DAC1", 0x4000_7400),
        ("TIM1", 0x4001_0000), ("TIM8", 0x4001_0400), ("USART1", 0x4001_1000), ("USART6", 0x4001_1400),
        ("ADC1", 0x4001_2000), ("ADC2", 0x4001_2100), ("ADC3", 0x4001_2200), ("ADC123_COMMON", 0x4001_2300),
        ("SDIO", 0x4001_2C00), ("SPI1", 0x4001_3000), ("SYSCFG", 0x4001_3800), ("EXTI", 0x4001_3C00),
        ("TIM9", 0x4001_4000), ("TIM10", 0x4001_4400), ("TIM11", 0x4001_4800),
        ("GPIOA", 0x4002_0000), ("GPIOB", 0x4002_0400), ("GPIOC", 0x4002_0800), ("GPIOD", 0x4002_0C00),
        ("GPIOE", 0x4002_1000), ("GPIOF", 0x4002_1400), ("GPIOG", 0x4002_1800), ("GPIOH", 0x4002_1C00),
        ("GPIOI", 0x4002_2000), ("CRC", 0x4002_3000), ("RCC", 0x4002_3800), ("FLASH", 0x4002_3C00),
        ("DMA1", 0x4002_6000), ("DMA2", 0x4002_6400), ("USB_OTG_HS", 0x4004_0000),
        ("USB_OTG_FS", 0x5000_0000), ("RNG", 0x5006_0800), ("DBGMCU", 0xE004_2000),
    ]

    /// Register offsets from each peripheral's base, by register-block prefix.
    static let offsets: [(String, [String])] = [
        ("ADC", ["SR", "CR1", "CR2", "SMPR1", "SMPR2", "JOFR1", "JOFR2", "JOFR3", "JOFR4", "HTR", "LTR",
                 "SQR1", "SQR2", "SQR3", "JSQR", "JDR1", "JDR2", "JDR3", "JDR4", "DR"]),
        ("CRC", ["DR", "IDR", "CR"]),
        ("DAC", ["CR", "SWTRIGR", "DHR12R1", "DHR12L1", "DHR8R1", "DHR12R2", "DHR12L2", "DHR8R2",
                 "DHR12RD", "DHR12LD", "DHR8RD", "DOR1", "DOR2", "SR"]),
        ("DBGMCU", ["IDCODE", "CR", "APB1FZ", "APB2FZ"]),
        ("DMA", ["LISR", "HISR", "LIFCR", "HIFCR"]),
        ("EXTI", ["IMR", "EMR", "RTSR", "FTSR", "SWIER", "PR"]),
        ("FLASH", ["ACR", "KEYR", "OPTKEYR", "SR", "CR", "OPTCR", "OPTCR1"]),
        ("GPIO", ["MODER", "OTYPER", "OSPEEDR", "PUPDR", "IDR", "ODR", "BSRR", "LCKR", "AFR0", "AFR1"]),
        ("I2C", ["CR1", "CR2", "OAR1", "OAR2", "DR", "SR1", "SR2", "CCR", "TRISE"]),
        ("IWDG", ["KR", "PR", "RLR", "SR"]),
        ("PWR", ["CR", "CSR"]),
        ("RNG", ["CR", "SR", "DR"]),
        ("SPI", ["CR1", "CR2", "SR", "DR", "CRCPR", "RXCRCR", "TXCRCR", "I2SCFGR", "I2SPR"]),
        ("TIM", ["CR1", "CR2", "SMCR", "DIER", "SR", "EGR", "CCMR1", "CCMR2", "CCER", "CNT", "PSC", "ARR",
                 "RCR", "CCR1", "CCR2", "CCR3", "CCR4", "BDTR", "DCR", "DMAR", "OR"]),
        ("USART", ["SR", "DR", "BRR", "CR1", "CR2", "CR3", "GTPR"]),
        ("WWDG", ["CR", "CFR", "SR"]),
    ]

    /// Register blocks whose offsets are not consecutive words.
    static let sparse: [(String, Int)] = [
        ("GPIO_BSRRL", 0x18), ("GPIO_BSRRH", 0x1A),
        ("RCC_CR", 0x00), ("RCC_PLLCFGR", 0x04), ("RCC_CFGR", 0x08), ("RCC_CIR", 0x0C),
        ("RCC_AHB1RSTR", 0x10), ("RCC_AHB2RSTR", 0x14), ("RCC_AHB3RSTR", 0x18),
        ("RCC_APB1RSTR", 0x20), ("RCC_APB2RSTR", 0x24),
        ("RCC_AHB1ENR", 0x30), ("RCC_AHB2ENR", 0x34), ("RCC_AHB3ENR", 0x38),
        ("RCC_APB1ENR", 0x40), ("RCC_APB2ENR", 0x44),
        ("RCC_AHB1LPENR", 0x50), ("RCC_AHB2LPENR", 0x54), ("RCC_AHB3LPENR", 0x58),
        ("RCC_APB1LPENR", 0x60), ("RCC_APB2LPENR", 0x64),
        ("RCC_BDCR", 0x70), ("RCC_CSR", 0x74), ("RCC_SSCGR", 0x80), ("RCC_PLLI2SCFGR", 0x84),
        ("RTC_TR", 0x00), ("RTC_DR", 0x04), ("RTC_CR", 0x08), ("RTC_ISR", 0x0C), ("RTC_PRER", 0x10),
        ("RTC_WUTR", 0x14), ("RTC_CALIBR", 0x18), ("RTC_ALRMAR", 0x1C), ("RTC_ALRMBR", 0x20),
        ("RTC_WPR", 0x24), ("RTC_SSR", 0x28), ("RTC_SHIFTR", 0x2C), ("RTC_TSTR", 0x30),
        ("RTC_TSDR", 0x34), ("RTC_TSSSR", 0x38), ("RTC_CALR", 0x3C), ("RTC_TAFCR", 0x40),
        ("RTC_ALRMASSR", 0x44), ("RTC_ALRMBSSR", 0x48),
        ("SYSCFG_MEMRMP", 0x00), ("SYSCFG_PMC", 0x04), ("SYSCFG_EXTICR0", 0x08), ("SYSCFG_EXTICR1", 0x0C),
        ("SYSCFG_EXTICR2", 0x10), ("SYSCFG_EXTICR3", 0x14), ("SYSCFG_CMPCR", 0x20),
    ] + (0..<20).map { ("RTC_BKP\($0)R", 0x50 + 4 * $0) }

    static var constants: [(String, Int)] {
        var out = bases
        for (block, regs) in offsets {
            for (k, r) in regs.enumerated() { out.append(("\(block)_\(r)", 4 * k)) }
        }
        return out + sparse
    }

    static func register() {
        Py.registerModule("stm") {
            [("mem8", .value(MemAccess.mem8)), ("mem16", .value(MemAccess.mem16)), ("mem32", .value(MemAccess.mem32))]
                + constants.map { ($0.0, PyEntry.int($0.1)) }
        }
        Py.extendModule("machine") {
            [("mem8", .value(MemAccess.mem8)), ("mem16", .value(MemAccess.mem16)), ("mem32", .value(MemAccess.mem32))]
        }
    }
}

/// The mem8/mem16/mem32 objects: subscript with a byte address.
enum MemAccess {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var objects: [Obj] = []

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("mem", methods: [
            .method("__repr__", 1) { a in try Py.str("<\(8 * size(a[0]))-bit memory>") },
            .method("__getitem__", 2) { a in
                let n = size(a[0])
                let addr = try address(a[1], n)
                let v = try EmulatedMemory.current.read(addr, size: n)
                return try Py.int(n == 4 ? Int(Int32(bitPattern: v)) : Int(v))
            },
            .method("__setitem__", 3) { a in
                let n = size(a[0])
                let addr = try address(a[1], n)
                let v = try truncated(a[2])
                try EmulatedMemory.current.write(addr, size: n, value: v)
                return Py.none
            },
        ])
        built = t
        objects = [1, 2, 4].map { n in
            let o = Py.newStaticObject(t, words: 1)
            Py.setWord(o, 0, UInt32(n))
            return o
        }
        return t
    }

    static var mem8: Obj { _ = type; return objects[0] }
    static var mem16: Obj { _ = type; return objects[1] }
    static var mem32: Obj { _ = type; return objects[2] }

    static func size(_ o: Obj) -> Int { Int(Py.word(o, 0)) }

    /// The low 32 bits of an int (mp_obj_get_int_truncated).
    static func truncated(_ o: Obj) throws -> UInt32 {
        guard Py.isInt(o) || o == Py.true || o == Py.false else {
            throw Py.error(.TypeError, "can't convert \(Py.typeName(o)) to int")
        }
        return UInt32(truncatingIfNeeded: try Py.toInt(o))
    }

    static func address(_ o: Obj, _ n: Int) throws -> UInt32 {
        let a = try truncated(o)
        if a % UInt32(n) != 0 {
            let s = String(a, radix: 16)
            throw Py.error(.ValueError, "address \(String(repeating: "0", count: max(0, 8 - s.count)) + s) is not aligned to \(n) bytes")
        }
        return a
    }
}
