"""Every use case of the community capability, built once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.services.community.curation import DirectoryCuration
from careweave.services.community.directory import DirectoryReader
from careweave.services.community.exchange import DirectoryExchange
from careweave.services.community.ports import CommunityUnitOfWork
from careweave.services.community.search import LinkWorkerSearch
from careweave.services.community.social_prescribing import SocialPrescribingService


@dataclass(frozen=True, slots=True)
class CommunityServices:
    """The community capability's services."""

    reader: DirectoryReader
    exchange: DirectoryExchange
    search: LinkWorkerSearch
    curation: DirectoryCuration
    social_prescribing: SocialPrescribingService

    @classmethod
    def build(
        cls, uow_factory: Callable[[], CommunityUnitOfWork], clock: Clock
    ) -> CommunityServices:
        """Wire every community service on ``uow_factory`` and ``clock``."""
        return cls(
            reader=DirectoryReader(uow_factory, clock),
            exchange=DirectoryExchange(uow_factory, clock),
            search=LinkWorkerSearch(uow_factory, clock),
            curation=DirectoryCuration(uow_factory, clock),
            social_prescribing=SocialPrescribingService(uow_factory, clock),
        )
