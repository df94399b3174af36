"""``konnect-pos desk``: set up a customer-service desk and see what it tells a caller.

``desk add CODE NAME --country CC`` creates a customer-service outlet with its terminal T1 (as
``terminal add`` adds a counter); ``desk set --kind customer_service --number TZ:mpesa=5050100``
turns the signed-in administrator's outlet into a desk (or back with ``--kind shop``);
``desk show --caller TZ`` prints the merchant numbers and hours a caller of that country is given.
"""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, clock, lang, open_db, print_json, signed_in, terminal_label, tr


def _numbers(given: list[str] | None) -> dict[str, dict[str, str]]:
    """``CC:provider=NUMBER`` options as country → provider → number."""
    from konnect_pos.domain.errors import ValidationError

    numbers: dict[str, dict[str, str]] = {}
    for text in given or []:
        where, _, rest = text.partition(":")
        provider, _, number = rest.partition("=")
        if not where or not provider or not number:
            raise ValidationError(
                "Give a merchant number as COUNTRY:PROVIDER=NUMBER, e.g. TZ:mpesa=5050100", field="number"
            )
        numbers.setdefault(where.strip().upper(), {})[provider.strip().lower()] = number
    return numbers


KIND_WORDS = {"shop": "Konnect shop", "distributor": "distributor", "customer_service": "Customer Service"}


def kind_word(kind: str) -> str:
    return tr(lang(), KIND_WORDS.get(kind, kind))


def _terms_lines(terms) -> list[str]:
    from konnect_pos.domain.countries import PROVIDERS
    from konnect_pos.i18n import country_name

    language = lang()
    lines = [
        tr(
            language,
            "Caller from {country}: mobile money only",
            country=country_name(terms.country.code, language),
        )
    ]
    if not terms.merchant_numbers:
        lines.append("  " + tr(language, "No merchant number set for this country"))
    for provider, number in terms.merchant_numbers.items():
        lines.append(
            "  " + tr(language, "{provider}: {number}", provider=PROVIDERS[provider].name, number=number)
        )
    lines.append(
        "  " + tr(language, "Customer Service: {hours}, {phone}", hours=tr(language, terms.service.hours),
                  phone=terms.service.phone)
    )  # fmt: skip
    return lines


def cmd_desk(args: argparse.Namespace) -> int:
    from konnect_pos.services import customer_service
    from konnect_pos.services.outlets import get_terminal

    open_db(args, create=False)
    if args.action == "add":
        if len(args.names) != 2:
            from konnect_pos.domain.errors import ValidationError

            raise ValidationError("Use: desk add CODE NAME --country CC", field="outlet")
        added = customer_service.add_desk(
            args.names[0],
            args.names[1],
            args.country or "",
            clock(),
            zone=args.zone,
            numbers=_numbers(args.number),
        )
        said = "Customer-service desk {terminal} added; a manager opens its business day before it sells"
        print(tr(lang(), said, terminal=added.label))
        return 0
    if args.action == "set":
        if args.number and args.kind != customer_service.DESK:
            from konnect_pos.domain.errors import ValidationError

            raise ValidationError(
                "Merchant numbers for callers belong to a customer-service desk: --kind customer_service",
                field="number",
            )
        counter = signed_in(args)
        outlet = customer_service.set_up_desk(counter, kind=args.kind or "", numbers=_numbers(args.number))
        print(tr(lang(), "{outlet} is now: {kind}", outlet=outlet.code, kind=kind_word(outlet.kind)))
        return 0
    outlet = get_terminal(terminal_label(args)).outlet
    callers = (
        [args.caller]
        if args.caller
        else sorted(customer_service.desk_numbers(outlet)) or [outlet.country.code]
    )
    terms = [customer_service.caller_terms(outlet, caller) for caller in callers]
    if args.json:
        print_json(
            {
                "outlet": outlet.code, "kind": outlet.kind,
                "callers": [
                    {"country": t.country.code, "currency": t.currency,
                     "merchant_numbers": t.merchant_numbers, "hours": t.service.hours,
                     "phone": t.service.phone, "whatsapp": t.service.whatsapp}
                    for t in terms
                ],
            }
        )  # fmt: skip
        return 0
    if not customer_service.is_desk(outlet):
        print(tr(lang(), "{outlet} is not a customer-service desk ({kind})", outlet=outlet.code,
                 kind=kind_word(outlet.kind)))  # fmt: skip
        return 0
    for found in terms:
        print("\n".join(_terms_lines(found)))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    desk = sub.add_parser("desk", parents=[common])
    desk.add_argument("action", choices=["add", "set", "show"])
    desk.add_argument("names", nargs="*", help="add: CODE NAME")
    desk.add_argument("--country", help="add: the desk's own country (TZ, CD, CG, CI)")
    desk.add_argument("--zone", help="add: its time zone when the country has two")
    desk.add_argument(
        "--kind", choices=["shop", "distributor", "customer_service"], help="set: the outlet's kind"
    )
    desk.add_argument(
        "--number", action="append", metavar="CC:PROVIDER=NUMBER", help="a merchant number for callers of CC"
    )
    desk.add_argument("--caller", help="show: the caller's country (default: every country served)")
    desk.add_argument("--terminal")
    desk.add_argument("--json", action="store_true")
    desk.set_defaults(handler=cmd_desk)
