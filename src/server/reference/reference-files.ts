import { readFileSync } from 'node:fs'
import path from 'node:path'

// The reference data ships with the product in /reference-data, copied from shared/data with
// its provenance and verified flags intact. Readers here only parse; the seeds decide.
const referenceDir = path.resolve(import.meta.dirname, '../../../reference-data')

export type RawSource = {
  id: string
  title: string
  url?: string | null
  date?: string | null
  reliability?: string | null
}

export type DatasetName =
  | 'states-parties'
  | 'apic-parties'
  | 'voluntary-agreements'
  | 'arrest-warrants-public'
  | 'rome-statute-part9'

// The files are large and read once per load; their structure is documented in reference-data/README.md.
export function readDataset(name: DatasetName): any {
  return JSON.parse(readFileSync(path.join(referenceDir, `${name}.json`), 'utf8'))
}

export function sourceKey(dataset: DatasetName, id: string): string {
  return `${dataset}/${id}`
}

/** The dataset itself as a source, for facts derived from it as a whole (e.g. "not in the list"). */
export function datasetSourceKey(dataset: DatasetName): string {
  return `${dataset}/dataset`
}
