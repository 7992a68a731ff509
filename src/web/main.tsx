import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { readStyleNonce } from './csp-nonce.ts'
import { initI18n } from './i18n/i18n.ts'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

await initI18n()
createRoot(root).render(
  <StrictMode>
    <App styleNonce={readStyleNonce()} />
  </StrictMode>,
)
