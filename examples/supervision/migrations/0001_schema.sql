-- The supervision schema: units, the roster, cases and their event logs,
-- the refusal register, exemptions and inquiries.
--
-- The statements run on SQLite and PostgreSQL alike. The few types that
-- differ are written as {{...}} and filled in by the dialect: {{json}}
-- is JSONB on PostgreSQL and TEXT on SQLite, {{serial}} an integer key the
-- database assigns. Instants are BIGINT nanoseconds since 1970 UTC; days
-- are TEXT YYYY-MM-DD in China Standard Time, which sorts as dates do.

CREATE TABLE units (
	id   TEXT PRIMARY KEY,
	name TEXT NOT NULL DEFAULT ''
);

-- The roster (岗位责任): each officer's unit and designated substitute (AB角).
-- The substitute is not a foreign key, so that two officers may stand in
-- for each other; the accountability evaluation checks it.
CREATE TABLE officers (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL DEFAULT '',
	unit_id    TEXT NOT NULL REFERENCES units (id),
	substitute TEXT NOT NULL DEFAULT ''
);

CREATE TABLE absences (
	id         {{serial}},
	officer_id TEXT NOT NULL REFERENCES officers (id),
	from_day   TEXT NOT NULL,
	to_day     TEXT NOT NULL,
	substitute TEXT NOT NULL DEFAULT ''
);

-- A case row holds what the log does not: its procedure, unit and
-- registration. state, running, last_ns and events are an index kept in
-- the transaction that appends events, so that a scan finds the cases
-- with running clocks without replaying every case; the case itself is
-- always rebuilt from its events.
CREATE TABLE cases (
	id         TEXT PRIMARY KEY,
	definition TEXT NOT NULL,
	version    TEXT NOT NULL,
	unit_id    TEXT NOT NULL REFERENCES units (id),
	created_ns BIGINT NOT NULL,
	state      TEXT NOT NULL,
	running    BOOLEAN NOT NULL DEFAULT FALSE,
	last_ns    BIGINT NOT NULL,
	events     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX cases_running ON cases (running, id);
CREATE INDEX cases_last ON cases (last_ns);
CREATE INDEX cases_unit ON cases (unit_id);

-- The event log, one row per event, seq counting from 0. to_state is the
-- state the event led to, as procedure.Event.To records it. payload is
-- NULL for an event with no payload map, '{}' for an empty one.
CREATE TABLE events (
	case_id    TEXT NOT NULL REFERENCES cases (id),
	seq        INTEGER NOT NULL,
	trigger_id TEXT NOT NULL,
	at_ns      BIGINT NOT NULL,
	day        TEXT NOT NULL,
	officer_id TEXT REFERENCES officers (id),
	unit_id    TEXT REFERENCES units (id),
	reason     TEXT NOT NULL DEFAULT '',
	payload    {{json}},
	auto       BOOLEAN NOT NULL DEFAULT FALSE,
	to_state   TEXT NOT NULL,
	PRIMARY KEY (case_id, seq)
);

CREATE INDEX events_day ON events (day);

-- The refusal register (否定报备登记): event is the seq of the refusal.
CREATE TABLE register_entries (
	id             {{serial}},
	case_id        TEXT NOT NULL REFERENCES cases (id),
	event          INTEGER NOT NULL,
	day            TEXT NOT NULL,
	officer_id     TEXT NOT NULL REFERENCES officers (id),
	reasons        TEXT NOT NULL DEFAULT '',
	basis          TEXT NOT NULL DEFAULT '',
	leader_opinion TEXT NOT NULL DEFAULT '',
	FOREIGN KEY (case_id, event) REFERENCES events (case_id, seq)
);

CREATE INDEX register_entries_case ON register_entries (case_id);

-- Grounds on which no efficiency liability arises (免责).
CREATE TABLE exemptions (
	id      {{serial}},
	case_id TEXT NOT NULL REFERENCES cases (id),
	rule    TEXT NOT NULL DEFAULT '',
	ground  TEXT NOT NULL,
	reason  TEXT NOT NULL
);

CREATE INDEX exemptions_case ON exemptions (case_id);

-- Inquiries under 首问负责: outcome '' while nothing was done.
CREATE TABLE inquiries (
	id          TEXT PRIMARY KEY,
	unit_id     TEXT NOT NULL REFERENCES units (id),
	officer_id  TEXT NOT NULL REFERENCES officers (id),
	at_ns       BIGINT NOT NULL,
	outcome     TEXT NOT NULL DEFAULT '',
	outcome_ns  BIGINT,
	referred_to TEXT NOT NULL DEFAULT ''
);

CREATE INDEX inquiries_at ON inquiries (at_ns);
