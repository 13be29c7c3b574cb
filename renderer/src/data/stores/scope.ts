import type { TableName } from '../db';

/**
 * 'household-scoped': every row belongs to one household and carries its id; 'team': rows
 * belong to the team as a whole. Each store says this of its tables in its tables.ts.
 */
export type TableScope = 'household-scoped' | 'team';
export type StoreTables = Readonly<Partial<Record<TableName, TableScope>>>;
