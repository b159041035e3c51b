"""The one typed settings object of careweave.

Every setting is read from the environment with the prefix ``CAREWEAVE_`` (or a ``.env`` file), so the
same code runs on a laptop with SQLite and on a server with PostgreSQL without edits.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("var")


class Settings(BaseSettings):
    """careweave's configuration.

    Attributes
    ----------
    database_url
        SQLAlchemy URL. SQLite file under ``data_dir`` by default; set
        ``CAREWEAVE_DATABASE_URL=postgresql+psycopg://user@host:port/db`` for PostgreSQL.
    data_dir
        Where the embedded database and other local files live.
    cookie_secure
        Send the session cookie over HTTPS only; set it true behind HTTPS. (Sessions are random ids
        kept on the server, so no signing key is needed.)
    login_attempts_per_minute
        Failed sign-ins allowed per username and address in a minute.
    host, port
        Where ``careweave serve`` listens.
    demo_password
        Password given to the demo personas by ``careweave demo seed``.
    """

    model_config = SettingsConfigDict(env_prefix="CAREWEAVE_", env_file=".env", extra="ignore")

    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    demo_password: str = "demo"
    cookie_secure: bool = False
    login_attempts_per_minute: int = Field(default=10, ge=1)

    @property
    def effective_database_url(self) -> str:
        """The database URL to use: the configured one, or the SQLite file in ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'careweave.sqlite3').as_posix()}"
