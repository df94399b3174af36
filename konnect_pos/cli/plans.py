"""``konnect-pos plan set|change|history``: plans at the counter (docs/decisions.md, "Plan changes
at the counter")."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, amount, lang, open_db, print_json, signed_in, tr

# What each kind of history line says (msgids of resources/locale/*/plans.po).
KIND_WORDS = {
    "set": "put on {to_plan} from {effective_on}",
    "now": "changed from {from_plan} to {to_plan} on {effective_on}",
    "next_renewal": "changes from {from_plan} to {to_plan} at the renewal on {effective_on}",
    "cancelled": "the change to {from_plan} was cancelled: stays on {to_plan}",
}


def cmd_plan(args: argparse.Namespace) -> int:
    from konnect_pos.services.plans.changes import change_plan, plan_history, set_plan

    open_db(args, create=False)
    language = lang()
    if args.action == "history":
        lines = plan_history(args.account)
        if args.json:
            print_json(list(lines))
            return 0
        if not lines:
            print(tr(language, "{account}: no plan history", account=args.account.upper()))
        for line in lines:
            words = tr(
                language, KIND_WORDS[line.kind], from_plan=line.from_plan or "—", to_plan=line.to_plan,
                effective_on=line.effective_on.isoformat(),
            )  # fmt: skip
            print(f"{line.requested_on.isoformat()}  {words}  ({line.user})")
        return 0
    counter = signed_in(args)
    use = set_plan if args.action == "set" else change_plan
    result = use(counter, args.account, args.plan)
    if args.json:
        print_json(result)
        return 0
    print(
        f"{result.account_number}: "
        + tr(
            language, KIND_WORDS[result.kind], from_plan=result.from_plan or "—", to_plan=result.to_plan,
            effective_on=result.effective_on.isoformat(),
        )
    )  # fmt: skip
    if result.kind == "now":
        print(
            tr(
                language,
                "Unused days credited: {credit}; plan fee charged: {charged}; balance: {balance}",
                credit=amount(result.credit),
                charged=amount(result.charged),
                balance=amount(result.balance),
            )
        )
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    plan = sub.add_parser("plan", parents=[common])
    actions = plan.add_subparsers(dest="action", required=True, parser_class=type(plan))
    for name, words in (
        ("set", "put a customer without a plan on one"),
        ("change", "change plan: now if the balance covers the new fee, else at the next renewal"),
    ):
        action = actions.add_parser(name, parents=[common], help=words)
        action.add_argument("account")
        action.add_argument("plan", help="plan code, e.g. CD-HOME")
        action.add_argument("--terminal")
        action.add_argument("--json", action="store_true")
    history = actions.add_parser("history", parents=[common], help="a customer's plan history")
    history.add_argument("account")
    history.add_argument("--terminal")
    history.add_argument("--json", action="store_true")
    plan.set_defaults(handler=cmd_plan)
