import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { withStyleNonce } from './security.ts'

// The placeholder the web app's index.html carries; replaced per response by the CSP nonce that
// Mantine needs for the <style> elements it injects (see docs/security.md).
const NONCE_PLACEHOLDER = '__CSP_NONCE__'

/**
 * Serves the built web app from the same process: hashed assets with long caching, and
 * index.html (with a fresh style nonce) for every other GET outside the API, so deep links work.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const indexFile = path.join(webDir, 'index.html')
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null
  if (indexHtml) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      allowedPath: (pathName) => pathName !== '/index.html',
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable')
        }
      },
    })
  }

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '/'
    if (pathname.startsWith('/api/') || path.extname(pathname) !== '') {
      return reply.code(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: `No route GET ${pathname}` } })
    }
    if (!indexHtml) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The web app is not built. Run `npm run build` (npm start does this for you).')
    }
    const nonce = withStyleNonce(reply)
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml.replaceAll(NONCE_PLACEHOLDER, nonce))
  })
}
