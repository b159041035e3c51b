"""Invoice runs: one invoice per provider (a team) and four-week period, worked out from the
visit records; credit notes to correct one; the commissioner's rules for paying by the minute.

A run is one transaction (all or nothing). Running a period again hands back the invoice already
issued and adds nothing: once invoiced, a period is closed, and only credit notes change what is
owed. Invoices carry visit ids and days, never a name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.commissioning.invoicing import (
    Invoice,
    PerMinuteRules,
    check_block_price,
    per_minute_lines,
    team_block_line,
)
from careweave.domain.commissioning.time_banks import block_end, check_block_start
from careweave.domain.errors import ConflictError, DomainValidationError, NotFoundError
from careweave.domain.people.person import CareModel
from careweave.domain.visits.visit import VisitStatus
from careweave.services.accounts.access import Actor, can_manage_team, has_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.commissioning.access import (
    FIGURE_READERS,
    check_can_read_figures,
    check_can_set_rules,
)
from careweave.services.commissioning.audit_kinds import INVOICE, INVOICE_RULES
from careweave.services.commissioning.unit_of_work import CommissioningUnitOfWork

# The care models priced by the minute in this run (the others are invoiced by their own rules).
PER_MINUTE_MODELS = frozenset({CareModel.TIME_AND_TASK})


class InvoiceService:
    """Use cases of invoices."""

    def __init__(self, uow_factory: Callable[[], CommissioningUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def rules(self) -> PerMinuteRules:
        """The rules for paying by the minute (published: anyone signed in reads them)."""
        with self._uow_factory() as uow:
            return uow.invoice_rules.get()

    def set_rules(self, actor: Actor, rules: PerMinuteRules) -> PerMinuteRules:
        """Set the rules (the commissioner); periods invoiced from now on use them."""
        check_can_set_rules(actor)
        with self._uow_factory() as uow:
            uow.invoice_rules.put(rules)
            self._audit.record(uow, actor, AuditAction.UPDATE, INVOICE_RULES, "")
            uow.commit()
        return rules

    def set_team_block(self, actor: Actor, team_id: str, pence: int) -> int:
        """Set the team's block price per four weeks (the commissioner); 0 ends it."""
        check_can_set_rules(actor)
        check_block_price(pence)
        with self._uow_factory() as uow:
            uow.teams.get(team_id)
            uow.invoice_rules.put_team_block(team_id, pence)
            self._audit.record(
                uow, actor, AuditAction.UPDATE, INVOICE_RULES, team_id, team_id=team_id
            )
            uow.commit()
        return pence

    def run(self, actor: Actor, team_id: str, period_start: date) -> Invoice:
        """Invoice the team's time-and-task visits done in the four weeks from
        ``period_start``, and its block price when it supports people as a neighbourhood team,
        once the period is over; the same invoice if it was issued already."""
        check_can_read_figures(actor)
        check_block_start("period_start", period_start)
        end = block_end(period_start)
        if self._clock.today() <= end:
            raise DomainValidationError("period_start", "the period is not over yet")
        with self._uow_factory() as uow:
            uow.teams.get(team_id)
            issued = uow.invoices.find_run(team_id, period_start)
            if issued is not None:
                return issued
            team_people = uow.people.list(team_id=team_id)
            people = [p.id for p in team_people if p.care_model in PER_MINUTE_MODELS]
            visits = [
                v
                for person_id in people
                for v in uow.visits.list(
                    person_id=person_id, day_from=period_start, day_to=end, status=VisitStatus.DONE
                )
            ]
            records = uow.visit_records.list_for_visits([v.id for v in visits])
            lines = per_minute_lines(visits, records, uow.invoice_rules.get())
            in_block = sum(p.care_model is CareModel.NEIGHBOURHOOD_TEAM for p in team_people)
            price = uow.invoice_rules.team_block(team_id)
            block = team_block_line(team_id, period_start, price, in_block)
            lines += () if block is None else (block,)
            invoice = Invoice(team_id, period_start, end, self._clock.now(), lines)
            uow.invoices.add(invoice)
            self._audited(uow, actor, AuditAction.CREATE, invoice, f"{len(lines)} lines")
            uow.commit()
        return invoice

    def credit(self, actor: Actor, invoice_id: str, sources: Sequence[str], reason: str) -> Invoice:
        """A credit note taking back lines of an invoice (all when ``sources`` is empty), each
        line at most once."""
        check_can_read_figures(actor)
        with self._uow_factory() as uow:
            invoice = uow.invoices.get(invoice_id)
            credited = {x.source for c in uow.invoices.credit_notes_of(invoice_id) for x in c.lines}
            note = invoice.credit(sources, reason, self._clock.now())
            again = sorted(credited & {x.source for x in note.lines})
            if again:
                raise ConflictError(f"{again[0]} was credited already", field="sources")
            uow.invoices.add(note)
            self._audited(uow, actor, AuditAction.CREATE, note, f"corrects {invoice_id}")
            uow.commit()
        return note

    def get(self, actor: Actor, invoice_id: str) -> Invoice:
        """One invoice or credit note: the commissioner's, and the provider team's coordinator's."""
        with self._uow_factory() as uow:
            invoice = uow.invoices.get(invoice_id)
            provider = can_manage_team(actor, invoice.provider_team_id)
            if not (provider or has_role(actor, *FIGURE_READERS)):
                raise NotFoundError("invoice", invoice_id)
            self._audited(uow, actor, AuditAction.READ, invoice)
            uow.commit()
        return invoice

    def list(self, actor: Actor) -> list[Invoice]:
        """Every invoice and credit note, newest period first (the commissioner)."""
        check_can_read_figures(actor)
        with self._uow_factory() as uow:
            return list(uow.invoices.list())

    def _audited(
        self,
        uow: CommissioningUnitOfWork,
        actor: Actor,
        action: AuditAction,
        invoice: Invoice,
        detail: str = "",
    ) -> None:
        self._audit.record(
            uow, actor, action, INVOICE, invoice.id, team_id=invoice.provider_team_id, detail=detail
        )
