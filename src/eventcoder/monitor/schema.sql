-- eventcoder monitor tables (watch state, near-duplicates, stories, alerts). Portable SQL run on
-- the Store's own connection, SQLite and PostgreSQL alike; statements are separated by ";".
-- Part of eventcoder, Apache-2.0.

-- What the watcher has seen: feeds, pages and files, with the result and the validators.
CREATE TABLE IF NOT EXISTS monitor_seen (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    status TEXT NOT NULL,
    detail TEXT,
    etag TEXT,
    last_modified TEXT,
    article_id TEXT,
    attempts INTEGER NOT NULL
);

-- When each configured source was last polled.
CREATE TABLE IF NOT EXISTS monitor_sources (
    name TEXT PRIMARY KEY,
    last_polled TEXT NOT NULL,
    next_due DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    detail TEXT
);

-- MinHash signature of each monitored article; group_id = the first article of its near-duplicate group.
CREATE TABLE IF NOT EXISTS monitor_minhash (
    article_id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL,
    added TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_minhash_group ON monitor_minhash (group_id);

-- One row per story; doc is its summary as JSON (recomputed from its mentions).
CREATE TABLE IF NOT EXISTS monitor_stories (
    id TEXT PRIMARY KEY,
    family TEXT NOT NULL,
    type TEXT NOT NULL,
    first_day TEXT,
    last_day TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    n_mentions INTEGER NOT NULL,
    dead INTEGER,
    injured INTEGER,
    arrested INTEGER,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_stories_day ON monitor_stories (last_day);

-- Each event in a story (a mention): doc holds what the summary and the evidence need.
CREATE TABLE IF NOT EXISTS monitor_story_events (
    event_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    added TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_story_events_story ON monitor_story_events (story_id);
CREATE INDEX IF NOT EXISTS monitor_story_events_article ON monitor_story_events (article_id);

-- Candidate index: (family, country, date bucket) -> stories.
CREATE TABLE IF NOT EXISTS monitor_story_keys (
    family TEXT NOT NULL,
    country TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (family, country, bucket, story_id)
);

-- Countries of each story (filters).
CREATE TABLE IF NOT EXISTS monitor_story_countries (
    story_id TEXT NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (story_id, country)
);
CREATE INDEX IF NOT EXISTS monitor_story_countries_country ON monitor_story_countries (country);

-- Alerts fired: once per rule and story, with the numbers at the time (for escalation).
CREATE TABLE IF NOT EXISTS monitor_alerts (
    rule TEXT NOT NULL,
    story_id TEXT NOT NULL,
    fired TEXT NOT NULL,
    dead INTEGER,
    injured INTEGER,
    arrested INTEGER,
    PRIMARY KEY (rule, story_id)
);

-- Every delivery attempt series: target, outcome, attempts.
CREATE TABLE IF NOT EXISTS monitor_deliveries (
    id TEXT PRIMARY KEY,
    rule TEXT NOT NULL,
    story_id TEXT NOT NULL,
    at TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    detail TEXT
);
