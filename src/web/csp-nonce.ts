// The server sends `style-src 'self' 'nonce-…'` and writes the same nonce into this meta tag of
// index.html; Mantine puts it on the <style> elements it injects so the browser accepts them.
export function readStyleNonce(): string {
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? ''
  // Under `vite` (dev) nobody replaces the placeholder, and no CSP is sent either.
  return content === '__CSP_NONCE__' ? '' : content
}
