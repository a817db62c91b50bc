/** Money as people read it. Amounts are integer fen everywhere (docs/lifecycle.md, "Rewards"). */

/** Fen as yuan with two decimals: 123456 → '1,234.56'. */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
