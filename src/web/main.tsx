import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import { setNonce } from 'get-nonce'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { readStyleNonce } from './csp-nonce.ts'
import { initI18n } from './i18n/i18n.ts'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const styleNonce = readStyleNonce()
// Mantine's modals lock the page's scroll with a <style> element that react-remove-scroll injects
// itself, taking its nonce from get-nonce: without it the CSP refuses that style.
if (styleNonce) setNonce(styleNonce)

await initI18n()
createRoot(root).render(
  <StrictMode>
    <App styleNonce={styleNonce} />
  </StrictMode>,
)
