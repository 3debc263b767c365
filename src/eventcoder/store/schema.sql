-- eventcoder store schema, version 1. Portable SQL: the same file creates the SQLite and the
-- PostgreSQL database. Each article and event is kept whole as canonical JSON (doc); the other
-- columns are normalised copies used for filtering, sorting and aggregation.
-- /*without_rowid*/ becomes WITHOUT ROWID on SQLite (tables clustered by their text key);
-- PostgreSQL reads it as a comment. Lines starting with "-- postgres: " are run on PostgreSQL
-- only.
-- Part of eventcoder, Apache-2.0.

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    published TEXT,
    lang TEXT,
    source TEXT,
    added TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    doc TEXT NOT NULL
);

-- One row per event: the columns the filters, sorting and statistics use.
-- day = the event date (coarse dates padded to the first day) or the article's published date.
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    day TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    factuality TEXT NOT NULL,
    location_country TEXT,
    location_name TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    dead INTEGER,
    injured INTEGER,
    arrested INTEGER,
    confidence DOUBLE PRECISION
) /*without_rowid*/;

-- The canonical JSON of each event.
CREATE TABLE IF NOT EXISTS event_docs (
    id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    doc TEXT NOT NULL
);

-- Folded evidence text + article title of each event: free-text search (q) scans only this.
CREATE TABLE IF NOT EXISTS event_search (
    id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    search TEXT NOT NULL
) /*without_rowid*/;

CREATE TABLE IF NOT EXISTS actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    name TEXT,
    country TEXT,
    sector TEXT,
    code TEXT,
    search TEXT NOT NULL,
    PRIMARY KEY (event_id, role, position)
) /*without_rowid*/;

-- Every country an event involves (source, target, location), once: country filter, statistics.
CREATE TABLE IF NOT EXISTS event_countries (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    day TEXT,
    PRIMARY KEY (event_id, country)
) /*without_rowid*/;

-- Source -> target links of each event, once per event and keying ('country' or 'actor'):
-- the actor network. coop is 1 for cooperative PLOVER types, else 0.
CREATE TABLE IF NOT EXISTS links (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    keying TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    coop INTEGER NOT NULL,
    PRIMARY KEY (event_id, keying, src, tgt)
) /*without_rowid*/;

CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id, seq);
-- covering the day/type/factuality statistics, whichever filter leads
CREATE INDEX IF NOT EXISTS events_by_day ON events (day, type, factuality);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, day, factuality);
CREATE INDEX IF NOT EXISTS events_by_factuality ON events (factuality, day, type);
CREATE INDEX IF NOT EXISTS event_countries_country ON event_countries (country, day, event_id);
CREATE INDEX IF NOT EXISTS links_keying ON links (keying, src, tgt, coop, event_id);
-- newest-first pages (SQLite's events_by_day index already serves DESC with NULLs last)
-- postgres: CREATE INDEX IF NOT EXISTS events_day_desc ON events (day DESC NULLS LAST, id DESC);
