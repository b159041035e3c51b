"""Time banks: agreeing a block's hours, posting the hours the visit records show, the team's
board of hours left, and the balances the roster optimiser respects.

A person's hours live in their ``time_bank:<person>`` ledger account: agreeing a block moves the
minutes in from the council's hours, each done visit moves its minutes out to the team that
delivered them (once: the visit is the transaction's source), and closing a block returns what
is above the carry-over cap to the council. Hours left are that account's balance.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.commissioning.ledger import Account, AccountKind, Unit, transfer
from careweave.domain.commissioning.time_banks import (
    BankState,
    TimeBankAgreement,
    bank_state,
    block_end,
    check_block_start,
    expiring_minutes,
    minutes_used,
)
from careweave.domain.people.person import Person
from careweave.domain.visits.visit import VisitStatus
from careweave.domain.workforce.workers import Team
from careweave.services.accounts.access import (
    Actor,
    check_can_manage_team,
    check_can_see_team,
    require_role,
)
from careweave.services.accounts.audit import AuditTrail
from careweave.services.commissioning.access import check_can_manage_budget
from careweave.services.commissioning.audit_kinds import TIME_BANK
from careweave.services.commissioning.ports import Ledger
from careweave.services.commissioning.postings import ensure_account, funding_account, post
from careweave.services.commissioning.unit_of_work import CommissioningUnitOfWork

USAGE_PREFIX = "visit:"


def time_bank_key(person_id: str) -> str:
    """The ledger key of a person's time bank."""
    return f"time_bank:{person_id}"


def hours_left(ledger: Ledger, person_ids: Collection[str], until: date) -> dict[str, int]:
    """Minutes left in each person's time bank on ``until`` (people with a bank only)."""
    banks = {p: ledger.find_account(time_bank_key(p)) for p in person_ids}
    found = {p: a for p, a in banks.items() if a is not None}
    balances = ledger.balances([a.id for a in found.values()], until=until)
    return {p: balances[a.id] for p, a in found.items()}


@dataclass(frozen=True, slots=True)
class BankLine:
    """One person's bank in a block: minutes agreed, carried in, used and left, and its state."""

    person: Person
    agreed: int
    carried_in: int
    used: int
    left: int
    state: BankState


@dataclass(frozen=True, slots=True)
class BankBoard:
    """A team's time banks in a block, by name."""

    team: Team
    block_start: date
    lines: tuple[BankLine, ...]


@dataclass(frozen=True, slots=True)
class PostingOutcome:
    """What posting a block's hours did: visits and minutes posted now, minutes returned."""

    visits: int
    minutes: int
    expired: int
    closed: bool


class TimeBankService:
    """Use cases of time banks."""

    def __init__(self, uow_factory: Callable[[], CommissioningUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def agree(
        self, actor: Actor, person_id: str, block_start: date, minutes: int
    ) -> TimeBankAgreement:
        """Agree the person's hours for a block and move them into their bank."""
        agreement = TimeBankAgreement(person_id, block_start, minutes, actor.display_name)
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_manage_budget(actor, person)
            uow.time_banks.add(agreement)
            agreed = transfer(
                funding_account(uow.ledger, Unit.MINUTES),
                _bank(uow.ledger, person),
                minutes,
                booked_on=block_start,
                posted_at=self._clock.now(),
                memo=f"Hours agreed for the block from {block_start:%d %b %Y}",
                posted_by=actor.display_name,
                key=f"{time_bank_key(person_id)}:{block_start.isoformat()}:agreed",
            )
            post(uow.ledger, agreed)
            self._audit.record(
                uow, actor, AuditAction.CREATE, TIME_BANK, agreement.id, team_id=person.team_id
            )
            uow.commit()
        return agreement

    def post_block(self, actor: Actor, team_id: str, block_start: date) -> PostingOutcome:
        """Post the hours of the team's done visits in the block (each visit once, however often
        this runs) and, once the block is over, return unused hours above the carry-over cap."""
        check_block_start("block", block_start)
        check_can_manage_team(actor, team_id)
        end = block_end(block_start)
        with self._uow_factory() as uow:
            team = uow.teams.get(team_id)
            people = {p.id: p for p in uow.people.list(team_id=team_id)}
            agreements = {
                a.person_id: a for a in uow.time_banks.list_for_block(block_start, list(people))
            }
            delivered = ensure_account(
                uow.ledger,
                Account(
                    f"delivered:{team_id}",
                    AccountKind.PROVIDER,
                    Unit.MINUTES,
                    f"Hours delivered by {team.name}",
                ),
            )
            visits, minutes = self._post_usage(uow, actor, agreements, delivered, block_start)
            closed = self._clock.today() > end
            expired = self._close(uow, actor, people, agreements, end) if closed else 0
            self._audit.record(
                uow,
                actor,
                AuditAction.CREATE,
                TIME_BANK,
                "",
                team_id=team_id,
                detail=f"block {block_start.isoformat()}: {visits} visits, {minutes} min",
            )
            uow.commit()
        return PostingOutcome(visits, minutes, expired, closed)

    def board(self, actor: Actor, team_id: str, block_start: date) -> BankBoard:
        """Each of the team's people with a bank in the block, by name: the team's own view."""
        check_block_start("block", block_start)
        check_can_see_team(actor, team_id)
        require_role(actor, Role.CARE_WORKER, Role.COORDINATOR)
        end = block_end(block_start)
        with self._uow_factory() as uow:
            team = uow.teams.get(team_id)
            people = {p.id: p for p in uow.people.list(team_id=team_id)}
            agreements = uow.time_banks.list_for_block(block_start, list(people))
            lines = [self._line(uow.ledger, people[a.person_id], a, end) for a in agreements]
            self._audit.record(uow, actor, AuditAction.LIST, TIME_BANK, "", team_id=team_id)
            uow.commit()
        lines.sort(key=lambda line: (line.person.family_name, line.person.given_name))
        return BankBoard(team, block_start, tuple(lines))

    def _line(
        self, ledger: Ledger, person: Person, agreement: TimeBankAgreement, end: date
    ) -> BankLine:
        bank = ledger.find_account(time_bank_key(person.id))
        assert bank is not None  # an agreement always opened it
        start = agreement.block_start
        carried_in = ledger.balance(bank.id, until=start - timedelta(days=1))
        used = -sum(
            line.amount
            for t in ledger.journal(account_id=bank.id)
            if (t.source or "").startswith(USAGE_PREFIX) and start <= t.booked_on <= end
            for line in t.lines
            if line.account_id == bank.id
        )
        left = carried_in + agreement.agreed_minutes - used
        state = bank_state(agreement.agreed_minutes, carried_in, used, start, self._clock.today())
        return BankLine(person, agreement.agreed_minutes, carried_in, used, left, state)

    def _post_usage(
        self,
        uow: CommissioningUnitOfWork,
        actor: Actor,
        agreements: dict[str, TimeBankAgreement],
        delivered: Account,
        block_start: date,
    ) -> tuple[int, int]:
        end = block_end(block_start)
        done = [
            v
            for person_id in sorted(agreements)
            for v in uow.visits.list(
                person_id=person_id, day_from=block_start, day_to=end, status=VisitStatus.DONE
            )
        ]
        posted = uow.ledger.posted_sources([f"{USAGE_PREFIX}{v.id}" for v in done])
        records = uow.visit_records.list_for_visits([v.id for v in done])
        count = total = 0
        for visit in done:
            used = minutes_used(visit, records)
            if f"{USAGE_PREFIX}{visit.id}" in posted or used == 0:
                continue
            person = uow.people.get(visit.person_id)
            usage = transfer(
                _bank(uow.ledger, person),
                delivered,
                used,
                booked_on=visit.day,
                posted_at=self._clock.now(),
                memo=f"Visit on {visit.day:%d %b %Y}",
                posted_by=actor.display_name,
                key=f"{USAGE_PREFIX}{visit.id}",
            )
            post(uow.ledger, usage)
            count, total = count + 1, total + used
        return count, total

    def _close(
        self,
        uow: CommissioningUnitOfWork,
        actor: Actor,
        people: dict[str, Person],
        agreements: dict[str, TimeBankAgreement],
        end: date,
    ) -> int:
        expired = 0
        for person_id, agreement in sorted(agreements.items()):
            bank = _bank(uow.ledger, people[person_id])
            key = f"{time_bank_key(person_id)}:{agreement.block_start.isoformat()}:close"
            extra = expiring_minutes(
                uow.ledger.balance(bank.id, until=end), agreement.agreed_minutes
            )
            if extra == 0 or uow.ledger.posted_sources([key]):
                continue
            back = transfer(
                bank,
                funding_account(uow.ledger, Unit.MINUTES),
                extra,
                booked_on=end,
                posted_at=self._clock.now(),
                memo="Unused hours above the carry-over cap return to the council",
                posted_by=actor.display_name,
                key=key,
            )
            post(uow.ledger, back)
            expired += extra
        return expired


def _bank(ledger: Ledger, person: Person) -> Account:
    name = f"Time bank of person {person.id}"
    return ensure_account(
        ledger,
        Account(time_bank_key(person.id), AccountKind.TIME_BANK, Unit.MINUTES, name, person.id),
    )
