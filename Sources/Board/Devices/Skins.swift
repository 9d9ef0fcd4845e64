// Pyboard skins: boards that plug onto the X or Y header row and bring their own wiring. A skin
// is attached by its position ("lcd32mk@X", "lcd160cr@YX"), which fixes the buses and pins its
// parts use, as the MicroPython docs give them for each position.
//
//   lcd32mk (LCD32MKv1.0, pyb.LCD)   X: SPI X, CS1 X3, RST X4, A0 X5, backlight X12
//                                    Y: SPI Y, CS1 Y3, RST Y4, A0 Y5, backlight Y12
//   lcd160cr (LCD160CRv1.0)          X: power X4, I2C X, SPI X     Y: power Y4, I2C Y, SPI Y
//                                    XY: power X4, I2C Y, SPI X    YX: power Y4, I2C X, SPI Y
//
// Pin roles: cs (chip select, active low), a0 (display data when high), res (reset when low),
// bl (backlight), pwr (power when high).

public struct SkinWiring: Equatable {
    /// The I2C and SPI buses by the board's names for them ("X", "Y").
    public var i2c: String?
    public var spi: String?
    /// Pin role -> board pin name.
    public var pins: [String: String]
}

public enum Skins {
    public static let positions: [String: [String]] = [
        "lcd32mk": ["X", "Y"],
        "lcd160cr": ["X", "Y", "XY", "YX"],
    ]

    public static func wiring(_ kind: String, _ position: String) -> SkinWiring? {
        guard positions[kind]?.contains(position) == true else { return nil }
        switch kind {
        case "lcd32mk":
            let p = position
            return SkinWiring(i2c: nil, spi: p, pins: ["cs": p + "3", "res": p + "4", "a0": p + "5", "bl": p + "12"])
        default:
            let power = String(position.first!), i2c = String(position.last!)
            return SkinWiring(i2c: i2c, spi: power, pins: ["pwr": power + "4"])
        }
    }
}
