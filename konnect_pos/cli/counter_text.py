"""The counter commands' sentences (sale summary, bundle timeline, sync status) in KONNECT_POS_LANG.

English msgids, translated through resources/locale/<lang>/cli_counter.po like every other
non-Qt text; times at the outlet's local time to the minute, data in the language's unit.
"""

from __future__ import annotations

ACCOUNT = "Account: {status}"
STATUSES = {"active": "active", "dormant": "dormant, no bundle running"}
STATES = {"used": "used", "active": "active", "queued": "queued"}
TRIGGERS = {
    "immediate": "now",
    "period_end": "at the end of the period",
    "data_exhausted": "when the data runs out",
}
SPAN = "from {start} to {end}"
NO_LATER_THAN = "no later than {time}"
DATA_LEFT = "{data} left"
SALE = "Receipt {number}  total {total}  change {change}"
PAID = "Paid: {payments}"
SYNC_ONLINE = (
    "{terminal}: online, {n} record waiting, last sync {last}",
    "{terminal}: online, {n} records waiting, last sync {last}",
)
SYNC_OFFLINE = (
    "{terminal}: offline, {n} record waiting, last sync {last}",
    "{terminal}: offline, {n} records waiting, last sync {last}",
)
NEVER = "never"

MSGIDS = (
    ACCOUNT,
    *STATUSES.values(),
    *STATES.values(),
    *TRIGGERS.values(),
    SPAN,
    NO_LATER_THAN,
    DATA_LEFT,
    SALE,
    PAID,
    NEVER,
)
PLURALS = (SYNC_ONLINE, SYNC_OFFLINE)


def timeline_lines(timeline, zone: str, lang: str) -> list[str]:
    """The account's bundles, one line each: state, name, how it starts, when, data left."""
    from konnect_pos.i18n import format_data, format_local_time, tr  # babel: only when a line is made

    def when(moment, exact: bool) -> str:
        text = format_local_time(moment, zone, lang)
        return text if exact else tr(lang, NO_LATER_THAN, time=text)

    def word(words: dict[str, str], code: str) -> str:
        return tr(lang, words[code]) if code in words else code

    lines = [tr(lang, ACCOUNT, status=word(STATUSES, timeline.status.value))]
    for entry in timeline.entries:
        span = tr(
            lang,
            SPAN,
            start=when(entry.starts_at, entry.starts_exact),
            end=when(entry.ends_at, entry.ends_exact),
        )
        left = (
            tr(lang, DATA_LEFT, data=format_data(entry.data_left_gb, lang))
            if entry.data_left_gb is not None
            else ""
        )
        lines.append(
            f"  {word(STATES, entry.state.value):<10} {entry.terms.name:<28} "
            f"{word(TRIGGERS, entry.trigger.value):<28} {span}" + (f", {left}" if left else "")
        )
    return lines


def sync_status_line(state, zone: str, lang: str) -> str:
    from konnect_pos.i18n import format_local_time, ngettext, tr

    """One terminal's link: online or not, records waiting (counted), last sync at local time."""
    last = format_local_time(state.last_success_at, zone, lang) if state.last_success_at else tr(lang, NEVER)
    singular, plural = SYNC_ONLINE if state.online else SYNC_OFFLINE
    line = ngettext(lang, singular, plural, state.waiting, terminal=state.terminal, last=last)
    return f"{line} {state.last_error}".rstrip()
