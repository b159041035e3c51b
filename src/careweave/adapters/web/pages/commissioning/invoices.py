"""The printable invoice page: the provider, the period, every line and the total."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.pages.commissioning.hours import hours
from careweave.adapters.web.pages.commissioning.views import money
from careweave.domain.commissioning.invoicing import InvoiceKind

router = APIRouter(include_in_schema=False)


@router.get("/commissioning/invoices/{invoice_id}")
def invoice(
    request: Request, invoice_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """An invoice or credit note laid out to print (the browser prints it, or saves a PDF)."""
    found = svc.invoices.get(actor, invoice_id)
    context = {
        "invoice": found,
        "title": "Invoice" if found.kind is InvoiceKind.INVOICE else "Credit note",
        "lines": [
            (x, hours(x.minutes), money(x.pence_per_hour), money(x.amount_pence))
            for x in found.lines
        ],
        "total": money(found.total_pence),
    }
    return templates.TemplateResponse(request, "pages/commissioning/invoice.html", context)
