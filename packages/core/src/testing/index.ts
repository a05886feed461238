// The `@cordial/core/testing` entry: seeded data for tests, benchmarks and the demo.
export type { CustomerBundle, Dataset, GenerateOptions, GivenPerson, Rhythm, World } from './generate.ts';
export { generateCustomers, generateDataset, generateWorld } from './generate.ts';
export type { OrderColumnsOptions } from './order-columns.ts';
export { generateOrderColumns } from './order-columns.ts';
export type { Random } from './random.ts';
export { createRandom } from './random.ts';
export { account, contact, mergeRecord, order, orderColumns, touchpoint } from './records.ts';
export { referenceRfmColumns } from './reference-rfm.ts';
export { storeDataset } from './store-dataset.ts';
