import type { RequestStatus } from './requests.api.ts'

// The request's statuses as the web groups them (the server's life cycle is requests.lifecycle.ts).

export const REQUEST_STATUSES = [
  'draft',
  'approved',
  'transmitted',
  'acknowledged',
  'in_execution',
  'consultation',
  'postponed',
  'executed',
  'partially_executed',
  'not_executed',
  'withdrawn',
] as const satisfies readonly RequestStatus[]

/** A request in one of these is still open: not yet executed, refused or withdrawn. */
export const OPEN_REQUEST_STATUSES = [
  'draft',
  'approved',
  'transmitted',
  'acknowledged',
  'in_execution',
  'consultation',
  'postponed',
] as const satisfies readonly RequestStatus[]

/** Transmitted and not yet closed: the State is executing the request. */
export const WITH_THE_STATE_STATUSES: readonly RequestStatus[] = [
  'transmitted',
  'acknowledged',
  'in_execution',
  'consultation',
  'postponed',
]
