"""Start tags of an HTML document, for the tests that read the built site."""

from html.parser import HTMLParser


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def start_tags(html: str) -> list[tuple[str, dict]]:
    """(tag, attributes) of every start tag, in document order."""
    parser = _Tags()
    parser.feed(html)
    return parser.tags
