/** What a spreadsheet can bring in: one list for the contract, the import code and the wizard. */
export const importKinds = ['partners', 'people', 'agreements', 'commitments'] as const
export type ImportKind = (typeof importKinds)[number]
