"""A whole directory as one HSDS 3.0 JSON document, which :mod:`.read` reads back unchanged.

The document is an object of HSDS's record lists: ``taxonomies``, ``taxonomy_terms``,
``organizations``, ``locations`` and ``services``, the services fully nested (so that list alone
is an HSDS service package, as the UK profile's ``compiled/service_package.json`` describes).
"""

from __future__ import annotations

from typing import Any

from careweave.adapters.hsds import write
from careweave.domain.community.whole_directory import WholeDirectory

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"


def directory_document(directory: WholeDirectory) -> dict[str, Any]:
    """``directory`` as one JSON-ready object."""
    organizations = {o.id: o for o in directory.organizations}
    places = {x.id: x for x in directory.locations}
    terms = {t.id: t for t in directory.terms}
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE_URL,
        "taxonomies": [write.taxonomy(t) for t in directory.taxonomies],
        "taxonomy_terms": [write.taxonomy_term(t) for t in directory.terms],
        "organizations": [write.organization(o) for o in directory.organizations],
        "locations": [write.location(x) for x in directory.locations],
        "services": [
            write.service_full(s, organizations[s.organization_id], places, terms)
            for s in directory.services
        ],
    }
