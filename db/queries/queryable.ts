// What a query runs on: the database or a transaction in progress.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

export type Queryable = Kysely<Database> | Transaction<Database>;
