/** A 0..1 score as the agent reads it: 0.424 → "42%"; unknown → "0%". */
export const percent = (value: number | undefined) => `${Math.round((value ?? 0) * 100)}%`;
