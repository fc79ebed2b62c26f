/// An exact base-10 number: `significand × 10^-scale`.
///
/// Every score, max and input in ChiSo is a `DecimalNumber`, never a binary
/// floating-point value. Sums, differences and products are exact; the only
/// inexact operation is ``quotient(_:_:places:)``, which rounds half away
/// from zero at a chosen number of places, exactly as the scoring contract
/// (spec §3.1) demands.
///
/// Why not `Foundation.Decimal`: on Linux one multiply, divide and round of
/// `Foundation.Decimal` measured about 7 µs, which alone would take a
/// national dataset (357,000 inputs) past its one-second budget. The
/// significand here is an `Int128`; readers (``DecimalNumber/parse(_:)``)
/// limit inputs to 18 significant digits and 10 decimal places, which keeps
/// every product the scoring rules form inside 128 bits.
public struct DecimalNumber: Sendable {
    public let significand: Int128
    /// Number of digits after the decimal point (≥ 0).
    public let scale: Int

    public init(significand: Int128, scale: Int) {
        precondition(scale >= 0, "scale must not be negative")
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(significand: Int128(integer), scale: 0)
    }

    public static let zero = DecimalNumber(0)
    public static let hundred = DecimalNumber(100)

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }

    /// True when the value has no fractional part (`2` or `2.0`).
    public var isWholeNumber: Bool {
        scale == 0 || significand % DecimalNumber.powerOfTen(scale) == 0
    }

    /// The integer value when the number is whole and fits in an `Int`.
    public var intValue: Int? {
        guard isWholeNumber else { return nil }
        let whole = scale == 0 ? significand : significand / DecimalNumber.powerOfTen(scale)
        guard whole >= Int128(Int.min), whole <= Int128(Int.max) else { return nil }
        return Int(whole)
    }

    /// The same value with trailing fractional zeros removed.
    public var normalized: DecimalNumber {
        var sig = significand
        var sc = scale
        while sc > 0, sig % 10 == 0 {
            sig /= 10
            sc -= 1
        }
        return DecimalNumber(significand: sig, scale: sc)
    }

    // MARK: Powers of ten

    /// 10^0 … 10^38, all of which fit in an `Int128`.
    static let powersOfTen: [Int128] = {
        var table: [Int128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    static func powerOfTen(_ exponent: Int) -> Int128 {
        powersOfTen[exponent]
    }

    /// The significand re-expressed at a larger scale.
    public func significand(atScale target: Int) -> Int128 {
        target == scale ? significand : significand * DecimalNumber.powerOfTen(target - scale)
    }
}

// MARK: - Arithmetic

extension DecimalNumber: AdditiveArithmetic {
    public static func + (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber {
        let sc = max(lhs.scale, rhs.scale)
        return DecimalNumber(significand: lhs.significand(atScale: sc) + rhs.significand(atScale: sc), scale: sc)
    }

    public static func - (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber {
        let sc = max(lhs.scale, rhs.scale)
        return DecimalNumber(significand: lhs.significand(atScale: sc) - rhs.significand(atScale: sc), scale: sc)
    }

    public static func * (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber {
        DecimalNumber(significand: lhs.significand * rhs.significand, scale: lhs.scale + rhs.scale)
            .reducedScale()
    }

    public static func * (lhs: DecimalNumber, rhs: Int) -> DecimalNumber {
        DecimalNumber(significand: lhs.significand * Int128(rhs), scale: lhs.scale)
    }

    /// Products of decimals add their scales; drop the trailing zeros that
    /// this creates so that long chains of products stay small.
    private func reducedScale() -> DecimalNumber {
        scale > 12 ? normalized : self
    }
}

// MARK: - Comparison and hashing (by value: 2.0 == 2)

extension DecimalNumber: Comparable, Hashable {
    public static func == (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        let sc = max(lhs.scale, rhs.scale)
        return lhs.significand(atScale: sc) == rhs.significand(atScale: sc)
    }

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        let sc = max(lhs.scale, rhs.scale)
        return lhs.significand(atScale: sc) < rhs.significand(atScale: sc)
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }
}

extension DecimalNumber: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

// MARK: - Rounding and division

extension DecimalNumber {
    /// Rounded to `places` decimal places, half away from zero.
    public func rounded(places: Int) -> DecimalNumber {
        if scale <= places {
            return DecimalNumber(significand: significand(atScale: places), scale: places)
        }
        return DecimalNumber.roundedShift(significand, by: scale - places, scale: places)
    }

    /// `significand / 10^k`, rounded half away from zero, at the given scale.
    private static func roundedShift(_ value: Int128, by k: Int, scale: Int) -> DecimalNumber {
        let negative = value < 0
        let magnitude = negative ? -value : value
        let result: Int128
        if k > 38 {
            result = 0 // |value| < 1.7e38 < 5e38: below half of one unit
        } else {
            let unit = powerOfTen(k)
            let quotient = magnitude / unit
            let remainder = magnitude % unit
            result = remainder >= unit / 2 ? quotient + 1 : quotient
        }
        return DecimalNumber(significand: negative ? -result : result, scale: scale)
    }

    /// `numerator / denominator` rounded to `places` decimal places, half away
    /// from zero, computed exactly (long division, no intermediate rounding).
    public static func quotient(_ numerator: DecimalNumber, _ denominator: DecimalNumber, places: Int) -> DecimalNumber {
        precondition(!denominator.isZero, "division by zero")
        let negative = (numerator.significand < 0) != (denominator.significand < 0)
        let n = numerator.significand.magnitude
        let d = denominator.significand.magnitude
        // value = n/d × 10^(denominator.scale − numerator.scale); we want it × 10^places.
        let shift = places + denominator.scale - numerator.scale
        var q = n / d
        var r = n % d
        let result: UInt128
        if shift >= 0 {
            for _ in 0..<shift {
                r *= 10
                q = q * 10 + r / d
                r %= d
            }
            // Round half away from zero on the remainder: r/d ≥ 1/2.
            result = r >= d - r ? q + 1 : q
        } else {
            let k = -shift
            if k > 38 {
                result = 0
            } else {
                let unit = UInt128(powerOfTen(k))
                let kept = q / unit
                let dropped = q % unit
                // dropped + r/d ≥ unit/2  ⟺  dropped ≥ unit/2 (unit/2 is a whole number).
                result = dropped >= unit / 2 ? kept + 1 : kept
            }
        }
        let sig = Int128(result)
        return DecimalNumber(significand: negative ? -sig : sig, scale: places)
    }
}
