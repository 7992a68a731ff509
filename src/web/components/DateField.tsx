import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core'
import { DatePicker } from '@mantine/dates'
import 'dayjs/locale/fr'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseDay, showDay } from './date-field.ts'

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'rightSection'> & {
  /** A calendar day as YYYY-MM-DD, or '' for none. */
  value: string
  /** Called with the day typed or picked (YYYY-MM-DD), or '' while the text is empty or not a day. */
  onChange: (value: string) => void
}

/**
 * A calendar day, written dd/mm/yyyy in both languages and picked from a calendar in the app's
 * language. A native date input writes it in the browser's locale instead: mm/dd/yyyy in a French
 * session on an American browser. Typing yyyy-mm-dd works too. Text that is not a day makes the
 * input invalid (the form will not submit, and says why), rather than silently keeping the last
 * good day.
 */
export function DateField({ value, onChange, onBlur, ...rest }: Props) {
  const { t, i18n } = useTranslation()
  const [text, setText] = useState(() => showDay(value))
  const [opened, setOpened] = useState(false)
  // The month the calendar shows: the field's day's when it opens, else today's.
  const [month, setMonth] = useState<string | undefined>(undefined)
  // Shown once the person leaves text that is not a day, until it is one.
  const [invalid, setInvalid] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // What this field last reported: another value comes from outside (a reset, the address).
  const reported = useRef(value)
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value
      setText(showDay(value))
      input.current?.setCustomValidity('')
      setInvalid(false)
    }
  }, [value])

  const report = (day: string) => {
    reported.current = day
    onChange(day)
  }
  const type = (next: string) => {
    setText(next)
    const day = parseDay(next)
    input.current?.setCustomValidity(day === null ? t('dateField.invalid') : '')
    if (day !== null) setInvalid(false)
    report(day ?? '')
  }
  const pick = (day: string | null) => {
    setText(showDay(day ?? ''))
    input.current?.setCustomValidity('')
    setInvalid(false)
    report(day ?? '')
    setOpened(false)
  }

  return (
    <TextInput
      {...rest}
      ref={input}
      value={text}
      error={rest.error ?? (invalid ? t('dateField.invalid') : undefined)}
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? t('dateField.placeholder')}
      onChange={(event) => type(event.currentTarget.value)}
      onBlur={(event) => {
        // Written the one way once it is a day: 1/3/2027 and 2027-03-01 become 01/03/2027.
        const day = parseDay(text)
        if (day) setText(showDay(day))
        setInvalid(day === null)
        onBlur?.(event)
      }}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('dateField.openCalendar')}
              onClick={() => {
                setMonth(value || undefined)
                setOpened((o) => !o)
              }}
              disabled={rest.disabled}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              locale={i18n.language === 'fr' ? 'fr' : 'en'}
              firstDayOfWeek={1}
              value={value || null}
              date={month ?? todayDay()}
              onDateChange={setMonth}
              onChange={pick}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  )
}

function todayDay() {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  )
}
