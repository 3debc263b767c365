-- eventcoder store, SQLite only: the full-text index behind the q and actor filters.
-- event_text holds, per event, the folded search text (evidence + article title), the folded
-- actor texts/names/codes (one line each) and the columns the filters, sorting and statistics
-- need;
-- event_fts is an FTS5 trigram index over it (a quoted term matches as a substring), kept in
-- sync by the triggers. Rows are added by the store after each article's events, deleted by
-- cascade with them.
-- Part of eventcoder, Apache-2.0.

CREATE TABLE IF NOT EXISTS event_text (
    n INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
    day TEXT,
    type TEXT NOT NULL,
    factuality TEXT NOT NULL,
    search TEXT NOT NULL,
    actors TEXT NOT NULL,
    countries TEXT NOT NULL  -- the event's countries (event_countries), one a line
);

-- newest first: walked when a text filter matches a large share of the events
CREATE INDEX IF NOT EXISTS event_text_day ON event_text (day, event_id);

CREATE VIRTUAL TABLE IF NOT EXISTS event_fts USING fts5(
    search, actors, content='event_text', content_rowid='n', tokenize='trigram'
);

CREATE TRIGGER IF NOT EXISTS event_text_added AFTER INSERT ON event_text BEGIN
    INSERT INTO event_fts (rowid, search, actors) VALUES (new.n, new.search, new.actors);
END;

CREATE TRIGGER IF NOT EXISTS event_text_deleted AFTER DELETE ON event_text BEGIN
    INSERT INTO event_fts (event_fts, rowid, search, actors)
    VALUES ('delete', old.n, old.search, old.actors);
END;
