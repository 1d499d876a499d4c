"""Per-article extraction on a Dask cluster (dask.distributed); fusion stays on the client.

    briefing generate corpus/ --dask tcp://scheduler:8786   # a running cluster
    briefing generate corpus/ --dask local                  # a cluster on this machine

Each task is one batch of articles; a worker parses it with its own copy of the model (loaded
once per worker process) and sends back the facts, which are small next to the documents.
The workers need the same briefing version and spaCy model installed as the client.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence

from briefing.runtime.parallel import ahead_map
from briefing.types import Article, ArticleFacts

CONNECT_TIMEOUT = "10s"
Extract = Callable[[str | None, list[Article]], list[ArticleFacts]]


class DaskError(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


def client_for(address: str):
    """Return a dask.distributed Client for `address`, or for a new local cluster ("local")."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskError("--dask needs dask.distributed: pip install 'briefing[dask]'") from None
    try:
        if address == "local":
            cluster = LocalCluster(host="127.0.0.1", threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            return Client(cluster)
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise DaskError(f"--dask {address}: cannot reach the scheduler ({exc})") from None


def extract_on_dask(address: str, model: str | None, batches: Sequence[Sequence[Article]],
                    extract: Extract) -> Iterator[ArticleFacts]:
    """Yield the facts of every article of `batches`, in order, each batch extracted on the
    cluster by `extract(model, batch)`. Batches are sent as the cluster takes them, not all
    at once: they are read as they go."""
    client = client_for(address)
    try:
        ahead = max(4, 2 * sum(client.nthreads().values()))  # every worker thread kept busy
        submit = functools.partial(client.submit, pure=False)
        calls = ((model, list(batch)) for batch in batches)
        for facts in ahead_map(submit, extract, calls, ahead):
            yield from facts
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()
