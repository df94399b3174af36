"""Corporate service lines: plan changes, exact-time proration and invoices, pure (RULES.md §3).

A service line's history is a list of events (activation, plan change, pause, cancellation,
reactivation, data-block quantity change, overage usage). Replaying it against the account's
``BillingCycle`` gives the plan held at every instant; billing a period compares that with
what was already billed. The model (docs/decisions.md, "Corporate billing and proration"):

- **Monthly fees in advance, adjustments in arrears.** The invoice generated on the billing day
  that starts period P bills P's full monthly fee for every line active at P's start (with the
  plan and data blocks in force from that boundary), plus the adjustments of the period that
  just ended: prorated activations and reactivations, the two lines of each upgrade, data
  blocks of lines (re)activated mid-period, and overage.
- **Proration is time-based to the exact instant** (§3.12, as Stripe): fraction = time from
  the change to the period end / the **full** period length, both as exact ``timedelta``
  (seconds, with the microseconds an instant carries). The denominator never shrinks after a
  change (Lago PR 6194). Changes before 1 November 2023 (§3.3), in the account's zone, bill a
  full monthly fee instead.
- **Upgrade** (higher monthly price): immediate; a credit line for the old plan's unused part
  and a charge line for the new plan's remaining part, whose sum is the price difference ×
  the remaining fraction (each line rounded once). **Same price**: immediate, nothing billed.
  **Downgrade**: at the start of the next period, nothing billed now. The latest request wins:
  a later upgrade or same-price change withdraws a pending downgrade.
- **Pause / cancel**: the line stays active to the period end and is not billed afterwards. A
  reactivation before that end withdraws the request; a later one is billed like a new line.
- **Data blocks** are never prorated; a quantity change takes effect at the next period start.
  **Overage** is billed in full. Local and Global Priority are separate pools, separate lines.
- **Rounding**: each invoice line once, half-up to the currency's minor unit, in ``line_amount``;
  VAT once on the subtotal. Corporate prices are VAT-exclusive.

Every instant is a time-zone aware ``datetime`` passed in; nothing here reads a clock.
"""
