/** What a spreadsheet can bring in: one list for the contract, the import code and the wizard. */
export const importKinds = ['partners', 'people', 'agreements', 'commitments'] as const
export type ImportKind = (typeof importKinds)[number]

/**
 * What a sheet's text may need converting from, to Unicode: the old Vietnamese encodings
 * TCVN3 (ABC) and VNI, or UTF-8 read as Windows-1252 ("TÃªn" for "Tên").
 */
export const textEncodings = ['tcvn3', 'vni', 'utf8-as-cp1252'] as const
export type TextEncoding = (typeof textEncodings)[number]
