"""feed.xml and index.html drop what XML cannot hold, by the writers' own rule (issue 12)."""

import dataclasses

from lxml import etree

from narrate.podcast.feed import render_feed
from narrate.podcast.page import render_index
from narrate.podcast.showfolder import load as load_feed_inputs
from tests.podcast.media import episode
from tests.test_xmlsafe import FORBIDDEN, dirty


def test_feed_and_index_page_with_hostile_episode(fresh_show):
    show, _ = load_feed_inputs(fresh_show.folder)
    ep = dataclasses.replace(episode(fresh_show.folder, 1, seconds=1), title=dirty("T"),
                             description=dirty("D"), authors=(dirty("A"),))
    feed = render_feed(show, [ep])
    etree.fromstring(feed)
    assert not FORBIDDEN.search(feed.decode("utf-8"))
    page = render_index(show, [ep]).decode("utf-8")
    assert not FORBIDDEN.search(page)
