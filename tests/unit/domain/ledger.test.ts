// The ledger's arithmetic: the percentage fee per payment row (half away from zero, a reversal's fee exactly negated)
// and a remittance's figures as the sums of its items.
import { describe, expect, it } from 'vitest';
import { figuresOf, percentFee, type LedgerItem } from '../../../electron/domain/ledger';
import { createRng } from '../../../bench/factory/random';

describe('percentFee', () => {
  it('rounds half away from zero, in integer halalas', () => {
    expect(percentFee(200_005, 1_000)).toBe(20_001); // 20,000.5 → 20,001
    expect(percentFee(200_004, 1_000)).toBe(20_000); // 20,000.4 → 20,000
    expect(percentFee(1, 1_250)).toBe(0); // 0.125 → 0
    expect(percentFee(4, 1_250)).toBe(1); // 0.5 → 1
    expect(percentFee(1_000_000, 10_000)).toBe(1_000_000);
  });

  it('charges nothing without an agreement or on nothing', () => {
    expect(percentFee(1_000_000, null)).toBe(0);
    expect(percentFee(1_000_000, 0)).toBe(0);
    expect(percentFee(0, 1_500)).toBe(0);
  });

  it('gives a reversal exactly the negated fee, so a payment and its reversal cancel to the halala', () => {
    const rng = createRng(7);
    for (let i = 0; i < 2_000; i++) {
      const amount = rng.int(1, 50_000_000);
      const bp = rng.int(0, 10_000);
      expect(percentFee(-amount, bp)).toBe(-percentFee(amount, bp));
      expect(Number.isSafeInteger(percentFee(amount, bp))).toBe(true);
    }
  });
});

describe('figuresOf', () => {
  it('sums collected, paid to the client, fee by percent and per stage, and net = collected − fee', () => {
    const items: LedgerItem[] = [
      { kind: 'payment', amountMinor: 1_000_000, receivedBy: 'office', feeMinor: 100_000 },
      { kind: 'payment', amountMinor: 200_005, receivedBy: 'client', feeMinor: 20_001 },
      { kind: 'payment', amountMinor: -500_000, receivedBy: 'office', feeMinor: -50_000 },
      { kind: 'stage_fee', amountMinor: 0, receivedBy: null, feeMinor: 25_000 },
    ];
    expect(figuresOf(items)).toEqual({
      collectedMinor: 500_000,
      clientReceivedMinor: 200_005,
      feePercentMinor: 70_001,
      feeStageMinor: 25_000,
      feeMinor: 95_001,
      netMinor: 404_999,
    });
    expect(figuresOf([])).toEqual({ collectedMinor: 0, clientReceivedMinor: 0, feePercentMinor: 0, feeStageMinor: 0, feeMinor: 0, netMinor: 0 });
  });
});
