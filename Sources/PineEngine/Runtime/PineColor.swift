/// A Pine color held as one number, so it lives in a `Double` cell like any
/// other value and `==` compares colors exactly: red, green and blue
/// (integers 0-255) and the transparency (0 opaque to 100 invisible, kept to
/// a thousandth) packed into an integer below 2^41. `na` is NaN.
enum PineColor {
    private static let transparencySteps = 1000.0
    private static let transparencySpan = 131_072.0  // 2^17 > 100 × 1000

    /// The color of these components: red, green and blue are rounded and
    /// clamped to 0-255, the transparency clamped to 0-100; `na` when any is `na`.
    static func pack(red: Double, green: Double, blue: Double, transparency: Double) -> Double {
        if red.isNaN || green.isNaN || blue.isNaN || transparency.isNaN { return .nan }
        let channel = { (x: Double) in min(255, max(0, x.rounded())) }
        let t = (min(100, max(0, transparency)) * transparencySteps).rounded()
        return ((channel(red) * 256 + channel(green)) * 256 + channel(blue)) * transparencySpan + t
    }

    /// A `#RRGGBBAA` literal: the alpha byte (255 opaque) as a transparency.
    static func literal(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) -> Double {
        pack(red: Double(red), green: Double(green), blue: Double(blue), transparency: (255 - Double(alpha)) * 100 / 255)
    }

    /// A `#RRGGBB` constant given as 0xRRGGBB, opaque.
    static func hex(_ rgb: Int) -> Double {
        pack(red: Double(rgb >> 16 & 0xFF), green: Double(rgb >> 8 & 0xFF), blue: Double(rgb & 0xFF), transparency: 0)
    }

    private static func rgb(_ c: Double) -> Double { (c / transparencySpan).rounded(.down) }

    static func red(_ c: Double) -> Double { c.isNaN ? .nan : (rgb(c) / 65_536).rounded(.down) }
    static func green(_ c: Double) -> Double { c.isNaN ? .nan : (rgb(c) / 256).rounded(.down).truncatingRemainder(dividingBy: 256) }
    static func blue(_ c: Double) -> Double { c.isNaN ? .nan : rgb(c).truncatingRemainder(dividingBy: 256) }
    static func transparency(_ c: Double) -> Double {
        c.isNaN ? .nan : (c - rgb(c) * transparencySpan) / transparencySteps
    }

    /// The same color with another transparency (`color.new`).
    static func with(_ c: Double, transparency t: Double) -> Double {
        pack(red: red(c), green: green(c), blue: blue(c), transparency: t)
    }

    /// `color.from_gradient`: the color at `value`'s position between
    /// `bottom` (bottomColor) and `top` (topColor), each component
    /// interpolated linearly; positions outside the range take the nearer end.
    static func gradient(_ value: Double, bottom: Double, top: Double, _ bottomColor: Double, _ topColor: Double) -> Double {
        if value.isNaN || bottom.isNaN || top.isNaN || bottomColor.isNaN || topColor.isNaN { return .nan }
        let position: Double
        if top == bottom {
            position = value >= top ? 1 : 0
        } else {
            position = min(1, max(0, (value - bottom) / (top - bottom)))
        }
        let mix = { (a: Double, b: Double) in a + (b - a) * position }
        return pack(
            red: mix(red(bottomColor), red(topColor)), green: mix(green(bottomColor), green(topColor)),
            blue: mix(blue(bottomColor), blue(topColor)),
            transparency: mix(transparency(bottomColor), transparency(topColor)))
    }

    /// The named constants (`color.red`), as the reference manual gives them.
    static let named: [String: Double] = [
        "color.aqua": hex(0x00BCD4), "color.black": hex(0x363A45), "color.blue": hex(0x2962FF),
        "color.fuchsia": hex(0xE040FB), "color.gray": hex(0x787B86), "color.green": hex(0x4CAF50),
        "color.lime": hex(0x00E676), "color.maroon": hex(0x880E4F), "color.navy": hex(0x311B92),
        "color.olive": hex(0x808000), "color.orange": hex(0xFF9800), "color.purple": hex(0x9C27B0),
        "color.red": hex(0xF23645), "color.silver": hex(0xB2B5BE), "color.teal": hex(0x089981),
        "color.white": hex(0xFFFFFF), "color.yellow": hex(0xFDD835),
    ]
}
