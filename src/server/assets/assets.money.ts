// Money is never a float here. An amount is an integer count of the currency's minor units
// (cents, centimes…) held as a BigInt and stored as decimal text (a PostgreSQL bigint comes back
// as a string and a SQLite integer as a JS number, which loses digits past 2^53: text is the one
// type both drivers return unchanged). Exchange rates are exact decimals kept as text and used as
// a fraction (numerator / 10^scale), so a conversion rounds once, at the end, half to even.

/**
 * ISO 4217 currencies accepted, with their minor-unit exponent (ISO 4217 table A.1). A short,
 * explicit allow-list: a value in another currency is refused rather than guessed at.
 */
export const CURRENCY_EXPONENTS = {
  AED: 2,
  ARS: 2,
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CDF: 2,
  CHF: 2,
  CNY: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  INR: 2,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KWD: 3,
  LYD: 3,
  NGN: 2,
  NOK: 2,
  QAR: 2,
  RUB: 2,
  RWF: 0,
  SAR: 2,
  SDG: 2,
  SEK: 2,
  SGD: 2,
  TND: 3,
  TRY: 2,
  UGX: 0,
  USD: 2,
  XAF: 0,
  XOF: 0,
  ZAR: 2,
} as const satisfies Record<string, number>

export type Currency = keyof typeof CURRENCY_EXPONENTS
export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as Currency[]

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCY_EXPONENTS, code)
}

export function exponentOf(currency: Currency): number {
  return CURRENCY_EXPONENTS[currency]
}

/** A non-negative decimal as people write it: digits, optionally a point and more digits. */
export const DECIMAL_PATTERN = /^(0|[1-9]\d{0,17})(\.\d{1,12})?$/

export class MoneyError extends Error {}

/**
 * "1234.5" EUR → 123450n. Refuses more fractional digits than the currency has (0.001 EUR is not
 * an amount of euros; rounding it silently would change what was declared).
 */
export function parseAmount(text: string, currency: Currency): bigint {
  const match = DECIMAL_PATTERN.exec(text)
  if (!match) throw new MoneyError(`${text} is not a decimal amount (digits, optionally a point and decimals)`)
  const whole = match[1] as string
  const fraction = (match[2] ?? '.').slice(1)
  const exponent = exponentOf(currency)
  if (fraction.length > exponent) {
    throw new MoneyError(`${currency} has ${exponent} decimal place${exponent === 1 ? '' : 's'}; ${text} has more`)
  }
  return BigInt(whole + fraction.padEnd(exponent, '0'))
}

/** 123450n EUR → "1234.50": always the currency's number of decimals, never exponent notation. */
export function formatMinor(minor: bigint, currency: Currency): string {
  const exponent = exponentOf(currency)
  const negative = minor < 0n
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0')
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent)
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`
  return `${negative ? '-' : ''}${whole}${fraction}`
}

/** An exchange rate as an exact fraction: numerator / 10^scale. */
export type Rate = { numerator: bigint; scale: number }

export function parseRate(text: string): Rate {
  const match = DECIMAL_PATTERN.exec(text)
  if (!match) throw new MoneyError(`${text} is not a decimal rate`)
  const fraction = (match[2] ?? '.').slice(1)
  const numerator = BigInt((match[1] as string) + fraction)
  if (numerator === 0n) throw new MoneyError('A rate of zero converts nothing')
  return { numerator, scale: fraction.length }
}

/** The rate as stored and shown: no trailing zeros after the point ("1.0850" → "1.085"). */
export function normaliseRate(text: string): string {
  const { numerator, scale } = parseRate(text)
  let n = numerator
  let s = scale
  while (s > 0 && n % 10n === 0n) {
    n /= 10n
    s -= 1
  }
  const digits = n.toString().padStart(s + 1, '0')
  return s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`
}

/** numerator / denominator rounded to the nearest integer, ties to even (denominator > 0). */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n
  const n = negative ? -numerator : numerator
  const quotient = n / denominator
  const twiceRemainder = (n % denominator) * 2n
  const roundsUp = twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)
  const result = roundsUp ? quotient + 1n : quotient
  return negative ? -result : result
}

/**
 * Converts minor units of `from` into minor units of `to` at `rate` (units of `to` per unit of
 * `from`): amount × rate × 10^exp(to) / 10^exp(from), computed on integers and rounded once.
 */
export function convertMinor(minor: bigint, from: Currency, to: Currency, rate: Rate): bigint {
  const numerator = minor * rate.numerator * 10n ** BigInt(exponentOf(to))
  const denominator = 10n ** BigInt(rate.scale + exponentOf(from))
  return divideHalfEven(numerator, denominator)
}

export function sumMinor(values: readonly bigint[]): bigint {
  return values.reduce((total, v) => total + v, 0n)
}
