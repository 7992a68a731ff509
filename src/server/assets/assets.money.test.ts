import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CURRENCIES,
  type Currency,
  convertMinor,
  divideHalfEven,
  formatMinor,
  normaliseRate,
  parseAmount,
  parseRate,
} from './assets.money.ts'

describe('amounts in minor units', () => {
  it('reads a decimal amount into minor units with the currency exponent', () => {
    expect(parseAmount('1234.5', 'EUR')).toBe(123450n)
    expect(parseAmount('1234', 'EUR')).toBe(123400n)
    expect(parseAmount('1500000', 'JPY')).toBe(1500000n)
    expect(parseAmount('1.234', 'KWD')).toBe(1234n)
    expect(parseAmount('0.1', 'EUR') + parseAmount('0.2', 'EUR')).toBe(parseAmount('0.3', 'EUR'))
  })

  it('refuses more decimals than the currency has, exponent notation and negatives', () => {
    expect(() => parseAmount('0.001', 'EUR')).toThrow(/2 decimal places/)
    expect(() => parseAmount('10.5', 'JPY')).toThrow(/0 decimal places/)
    expect(() => parseAmount('1e6', 'EUR')).toThrow()
    expect(() => parseAmount('-5', 'EUR')).toThrow()
    expect(() => parseAmount('01', 'EUR')).toThrow()
  })

  it('formats with the currency decimals and keeps amounts far beyond 2^53 exact', () => {
    expect(formatMinor(5n, 'EUR')).toBe('0.05')
    expect(formatMinor(123450n, 'EUR')).toBe('1234.50')
    expect(formatMinor(7n, 'JPY')).toBe('7')
    const huge = parseAmount('987654321987654321.99', 'USD')
    expect(formatMinor(huge + 1n, 'USD')).toBe('987654321987654322.00')
  })

  // Amounts up to 18 integer digits are accepted (DECIMAL_PATTERN): far beyond any asset's value.
  it('round-trips every amount of every currency (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.bigInt({ min: 0n, max: 10n ** 17n }), (currency, minor) => {
        expect(parseAmount(formatMinor(minor, currency), currency)).toBe(minor)
      }),
    )
  })

  it('adds exactly: the formatted sum is the sum of the formatted parts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 50 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0n)
        const viaText = parts.map((p) => parseAmount(formatMinor(p, 'EUR'), 'EUR')).reduce((a, b) => a + b, 0n)
        expect(viaText).toBe(total)
      }),
    )
  })
})

describe('conversion at a recorded rate', () => {
  it('converts on integers and rounds once, half to even', () => {
    // 100.00 EUR at 1.085 USD per EUR = 108.50 USD
    expect(convertMinor(10000n, 'EUR', 'USD', parseRate('1.085'))).toBe(10850n)
    // 0.05 EUR × 0.5 = 0.025 → 0.02 (tie to even); 0.15 × 0.5 = 0.075 → 0.08
    expect(convertMinor(5n, 'EUR', 'USD', parseRate('0.5'))).toBe(2n)
    expect(convertMinor(15n, 'EUR', 'USD', parseRate('0.5'))).toBe(8n)
    // Exponents differ: 1,000 JPY at 0.0062 EUR per JPY = 6.20 EUR; 10.00 EUR at 161.5 = 1615 JPY
    expect(convertMinor(1000n, 'JPY', 'EUR', parseRate('0.0062'))).toBe(620n)
    expect(convertMinor(1000n, 'EUR', 'JPY', parseRate('161.5'))).toBe(1615n)
  })

  it('never drifts from the exact rational result by half a minor unit or more (property)', () => {
    const currency = fc.constantFrom<Currency>(...CURRENCIES)
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        currency,
        currency,
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 8 }),
        (minor, from, to, numerator, scale) => {
          const rate = { numerator, scale }
          const result = convertMinor(minor, from, to, rate)
          // |result - exact| <= 1/2  ⇔  |2·result·den − 2·num| <= den
          const exactNum = minor * numerator * 10n ** BigInt(expOf(to))
          const den = 10n ** BigInt(scale + expOf(from))
          const diff = 2n * result * den - 2n * exactNum
          expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(den)
        },
      ),
    )
  })

  it('divides half to even on both signs', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n)
    expect(divideHalfEven(7n, 2n)).toBe(4n)
    expect(divideHalfEven(-7n, 2n)).toBe(-4n)
    expect(divideHalfEven(10n, 3n)).toBe(3n)
  })

  it('keeps rates exact and refuses a zero rate', () => {
    expect(normaliseRate('1.0850')).toBe('1.085')
    expect(normaliseRate('161.50')).toBe('161.5')
    expect(normaliseRate('2')).toBe('2')
    expect(normaliseRate('0.000123')).toBe('0.000123')
    expect(() => parseRate('0.000')).toThrow(/zero/)
  })
})

function expOf(c: Currency): number {
  return formatMinor(0n, c).split('.')[1]?.length ?? 0
}
