import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ERROR_RESPONSES } from '../http/error-schema.ts'
import { listAlerts, resolveAlert } from './assets.alerts.ts'
import * as claims from './assets.claims.ts'
import * as read from './assets.read.ts'
import {
  AlertListSchema,
  AlertParams,
  AlertResolutionBody,
  AlertSchema,
  AssetDetailSchema,
  AssetListSchema,
  AssetParams,
  ClaimBody,
  ClaimParams,
  ClaimStatusBody,
  CreateAssetBody,
  ExchangeRateBody,
  ExchangeRateListSchema,
  ExchangeRateSchema,
  ListAlertsQuery,
  ListAssetsQuery,
  ListExchangeRatesQuery,
  StepBody,
  TotalsQuery,
  TotalsSchema,
  ValuationBody,
} from './assets.schemas.ts'
import * as service from './assets.service.ts'
import { getTotals, listExchangeRates, recordExchangeRate } from './assets.totals.ts'

const errors = ERROR_RESPONSES
const tags = ['assets']

export const assetsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/assets',
    {
      schema: {
        tags,
        summary: 'The assets register: assets the caller may know about, newest first',
        querystring: ListAssetsQuery,
        response: { 200: AssetListSchema, ...errors },
      },
    },
    async (req) => read.listAssets(req.ctx, req.query),
  )
  app.post(
    '/assets',
    {
      schema: {
        tags,
        summary: 'Record an identified asset of a case (Court staff of its compartment)',
        body: CreateAssetBody,
        response: { 201: AssetDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createAsset(req.ctx, req.body)),
  )
  app.get(
    '/assets/totals',
    {
      schema: {
        tags,
        summary: 'Totals of visible assets by case and currency; converted only with recorded rates',
        querystring: TotalsQuery,
        response: { 200: TotalsSchema, ...errors },
      },
    },
    async (req) => getTotals(req.ctx, req.query),
  )
  app.get(
    '/assets/alerts',
    {
      schema: {
        tags,
        summary: "Expiry alerts of freezing and seizure orders, for the assets' owners",
        querystring: ListAlertsQuery,
        response: { 200: AlertListSchema, ...errors },
      },
    },
    async (req) => listAlerts(req.ctx, req.query),
  )
  app.post(
    '/assets/alerts/:id/resolution',
    {
      schema: {
        tags,
        summary: 'Acknowledge or dismiss an expiry alert (an owner of the asset)',
        params: AlertParams,
        body: AlertResolutionBody,
        response: { 200: AlertSchema, ...errors },
      },
    },
    async (req) => resolveAlert(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/assets/:id',
    {
      schema: {
        tags,
        summary: 'One asset with its steps, valuations, claims, open alerts and the steps allowed now',
        params: AssetParams,
        response: { 200: AssetDetailSchema, ...errors },
      },
    },
    async (req) => read.getAsset(req.ctx, req.params.id),
  )
  app.post(
    '/assets/:id/steps',
    {
      schema: {
        tags,
        summary: 'Take a life-cycle step (trace, freeze, seize, renew, forfeit, release) on its request and order',
        params: AssetParams,
        body: StepBody,
        response: { 200: AssetDetailSchema, ...errors },
      },
    },
    async (req) => service.takeStep(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/assets/:id/valuations',
    {
      schema: {
        tags,
        summary: 'Record a valuation (exact amount, currency, date, basis)',
        params: AssetParams,
        body: ValuationBody,
        response: { 200: AssetDetailSchema, ...errors },
      },
    },
    async (req) => claims.addValuation(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/assets/:id/claims',
    {
      schema: {
        tags,
        summary: "Record a third party's claim on the asset (pending until decided)",
        params: AssetParams,
        body: ClaimBody,
        response: { 200: AssetDetailSchema, ...errors },
      },
    },
    async (req) => claims.addClaim(req.ctx, req.params.id, req.body),
  )
  app.patch(
    '/assets/:id/claims/:claimId',
    {
      schema: {
        tags,
        summary: 'Set the status of a third-party claim (pending, upheld, dismissed)',
        params: ClaimParams,
        body: ClaimStatusBody,
        response: { 200: AssetDetailSchema, ...errors },
      },
    },
    async (req) => claims.setClaimStatus(req.ctx, req.params.id, req.params.claimId, req.body),
  )
  app.get(
    '/exchange-rates',
    {
      schema: {
        tags,
        summary: 'Exchange rates recorded by the Court, newest first',
        querystring: ListExchangeRatesQuery,
        response: { 200: ExchangeRateListSchema, ...errors },
      },
    },
    async (req) => listExchangeRates(req.ctx, req.query),
  )
  app.post(
    '/exchange-rates',
    {
      schema: {
        tags,
        summary: 'Record an exchange rate (exact decimal, date, source) for converted totals',
        body: ExchangeRateBody,
        response: { 201: ExchangeRateSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await recordExchangeRate(req.ctx, req.body)),
  )
}
