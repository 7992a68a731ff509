import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { changeLanguage, LANGUAGES } from '../i18n/i18n.ts'
import classes from './AppLayout.module.css'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => {
        const isActive = i18n.language === language
        return (
          <Button
            key={language}
            size="xs"
            variant={isActive ? 'white' : 'subtle'}
            color={isActive ? 'court.9' : 'gray.0'}
            c={isActive ? 'court.9' : 'white'}
            lang={language}
            aria-pressed={isActive}
            aria-label={t(`language.${language}`)}
            onClick={() => void changeLanguage(language)}
          >
            {/* Below 1536 px, the code alone: the button's name stays the language's own. */}
            <span className={classes.languageName}>{t(`language.${language}`)}</span>
            <span className={classes.languageCode}>{language.toUpperCase()}</span>
          </Button>
        )
      })}
    </Group>
  )
}
