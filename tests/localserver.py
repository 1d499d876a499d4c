"""A real HTTP server on 127.0.0.1 for the network tests (never the internet)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# answer(path, request headers) -> (status, response headers, body)
Answer = Callable[[str, dict[str, str]], tuple[int, dict[str, str], bytes]]


@contextlib.contextmanager
def serve(answer: Answer) -> Iterator[str]:
    """Yield the base URL of a server on 127.0.0.1 that answers each GET with `answer`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            status, headers, body = answer(self.path, dict(self.headers))
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
