import Glibc

// libm entry points under names that do not clash with Swift's generic math.
@inline(__always) func powDouble(_ a: Double, _ b: Double) -> Double { Glibc.pow(a, b) }
@inline(__always) func fmodDouble(_ a: Double, _ b: Double) -> Double { Glibc.fmod(a, b) }
@inline(__always) func atan2Double(_ a: Double, _ b: Double) -> Double { Glibc.atan2(a, b) }
@inline(__always) func logDouble(_ a: Double) -> Double { Glibc.log(a) }
@inline(__always) func expDouble(_ a: Double) -> Double { Glibc.exp(a) }
@inline(__always) func cosDouble(_ a: Double) -> Double { Glibc.cos(a) }
@inline(__always) func sinDouble(_ a: Double) -> Double { Glibc.sin(a) }

extension String {
    /// Pads with spaces on the right to `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
