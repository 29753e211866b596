// The client ledger's arithmetic as pure rules: the office's fee on a payment row and the figures of a remittance.
// Integer minor units only; every total is the sum of its rows.

/**
 * The percentage fee on one payment row: amount × basis points / 10,000, rounded half away from zero, so a reversal
 * (the negated amount) carries exactly the negated fee and a payment and its reversal cancel to the halala.
 */
export function percentFee(amountMinor: number, percentBp: number | null): number {
  if (!percentBp || amountMinor === 0) return 0;
  const abs = Math.abs(amountMinor) * percentBp;
  const fee = Math.floor(abs / 10_000) + (abs % 10_000 >= 5_000 ? 1 : 0);
  return amountMinor < 0 ? -fee : fee;
}

export interface LedgerItem {
  kind: 'payment' | 'stage_fee';
  /** Payment rows: the amount (negative on a reversal); stage fees: 0. */
  amountMinor: number;
  /** Who received a payment; null on a stage fee. */
  receivedBy: 'office' | 'client' | null;
  feeMinor: number;
}

export interface LedgerFigures {
  /** Received by the office (net of reversals): the money it holds for the client. */
  collectedMinor: number;
  /** Paid by debtors directly to the client (the office's fee on it is still earned). */
  clientReceivedMinor: number;
  /** The percentage fee on every payment row (direct payments included). */
  feePercentMinor: number;
  /** Fixed fees for stages reached. */
  feeStageMinor: number;
  feeMinor: number;
  /** collected − fee: what the office owes the client for these items (negative: the client owes fees). */
  netMinor: number;
}

export function figuresOf(items: readonly LedgerItem[]): LedgerFigures {
  let collected = 0;
  let client = 0;
  let feePercent = 0;
  let feeStage = 0;
  for (const it of items) {
    if (it.kind === 'stage_fee') {
      feeStage += it.feeMinor;
      continue;
    }
    if (it.receivedBy === 'client') client += it.amountMinor;
    else collected += it.amountMinor;
    feePercent += it.feeMinor;
  }
  const fee = feePercent + feeStage;
  return { collectedMinor: collected, clientReceivedMinor: client, feePercentMinor: feePercent, feeStageMinor: feeStage, feeMinor: fee, netMinor: collected - fee };
}
