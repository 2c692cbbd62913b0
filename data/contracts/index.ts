// Public entry of the input contracts.
export * from './categories.ts';
export * from './column.ts';
export * from './tables.ts';
export { contractDocsMarkdown } from './contractDocs.ts';
export * from './timestampOrder.ts';
export * from './parentRuleText.ts';
