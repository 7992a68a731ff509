import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { generate } from 'otplib'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { ErrorResponse } from '../http/error-schema.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../identity/identity.demo.ts'
import { isDemoLoaded } from './demo.service.ts'

const DemoAccountsSchema = z.object({
  notice: z.string(),
  password: z.string(),
  totpSecret: z.string(),
  currentCode: z.string().describe('the TOTP code of this 30-second window, for convenience'),
  accounts: z.array(
    z.object({ email: z.string(), name: z.string(), orgCode: z.string(), role: z.string(), description: z.string() }),
  ),
})

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/demo/accounts',
    {
      schema: {
        tags: ['meta'],
        summary: 'Sign-in details of the fictional demo accounts (only while the demo is loaded)',
        response: { 200: DemoAccountsSchema, 404: ErrorResponse },
      },
    },
    async (req) => {
      if (!(await isDemoLoaded(req.ctx))) throw new AppError('RECORD_NOT_FOUND', 'No demo is loaded')
      return {
        notice: 'Fictional demo accounts. Never use these details anywhere real.',
        password: DEMO_PASSWORD,
        totpSecret: DEMO_TOTP_SECRET,
        currentCode: await generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(req.ctx.now().getTime() / 1000) }),
        accounts: DEMO_ACCOUNTS.map(({ email, name, orgCode, role, description }) => ({
          email,
          name,
          orgCode,
          role,
          description,
        })),
      }
    },
  )
}
