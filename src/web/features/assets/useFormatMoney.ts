import { useTranslation } from 'react-i18next'

/**
 * Shows an exact decimal amount ("1250000.50") grouped in the UI language without ever turning it
 * into a float: the digits are regrouped as text, so no amount is rounded on screen.
 */
export function formatMoney(amount: string, currency: string, language: string): string {
  const negative = amount.startsWith('-')
  const [whole = '0', fraction] = (negative ? amount.slice(1) : amount).split('.')
  const separator = language === 'fr' ? '\u202f' : ','
  const decimal = language === 'fr' ? ',' : '.'
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
  const number = `${negative ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`
  return language === 'fr' ? `${number} ${currency}` : `${currency} ${number}`
}

export function useFormatMoney() {
  const { i18n } = useTranslation()
  return (amount: string, currency: string) => formatMoney(amount, currency, i18n.language)
}
