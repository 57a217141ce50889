package supervision

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The instants the store accepts: a case's events fall in years the
// calendars can cover, and a BIGINT of nanoseconds holds them.
var (
	minInstant = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxInstant = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// checkInstant reports an instant the store cannot keep.
func checkInstant(what string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("no %s", what)
	}
	if t.Before(minInstant) || !t.Before(maxInstant) {
		return fmt.Errorf("%s %s is outside 1900–2199", what, t.Format(time.RFC3339))
	}
	return nil
}

// checkEvent reports what of an event the database cannot store
// faithfully. What the procedure allows is its own business (Fire).
func checkEvent(e *procedure.Event) error {
	if err := firstError(checkInstant("instant", e.At), checkText("trigger", string(e.Trigger)), checkText("state", string(e.To)),
		checkText("officer", e.Actor.Officer), checkText("unit", e.Actor.Unit), checkText("reason", e.Reason)); err != nil {
		return err
	}
	for k, v := range e.Payload {
		if k == "" {
			return fmt.Errorf("a payload key is empty")
		}
		if err := firstError(checkText("payload key", k), checkText("payload value of "+k, v)); err != nil {
			return err
		}
	}
	return nil
}

// eventRow is an event as a row of the events table.
type eventRow struct {
	seq     int
	trigger string
	atNS    int64
	day     string
	officer sql.NullString
	unit    sql.NullString
	reason  string
	payload sql.NullString
	auto    bool
	to      string
}

// instant returns the time of nanoseconds since 1970, in China Standard
// Time: the zone every procedure counts in.
func instant(ns int64) time.Time {
	return time.Unix(0, ns).In(deadline.ChinaStandardTime())
}

func nullable(s string) sql.NullString {
	return sql.NullString{String: s, Valid: s != ""}
}

// encodeEvent turns event seq of a log into a row. The payload is NULL
// for a nil map, so that a case read back equals the one written.
func encodeEvent(seq int, e *procedure.Event) (eventRow, error) {
	r := eventRow{seq: seq, trigger: string(e.Trigger), atNS: e.At.UnixNano(), day: deadline.DateOf(e.At).String(),
		officer: nullable(e.Actor.Officer), unit: nullable(e.Actor.Unit), reason: e.Reason, auto: e.Auto, to: string(e.To)}
	if e.Payload != nil {
		b, err := json.Marshal(e.Payload)
		if err != nil {
			return r, err
		}
		r.payload = sql.NullString{String: string(b), Valid: true}
	}
	return r, nil
}

// decode turns a row back into an event.
func (r *eventRow) decode() (procedure.Event, error) {
	e := procedure.Event{Trigger: procedure.Trigger(r.trigger), At: instant(r.atNS),
		Actor: procedure.Actor{Officer: r.officer.String, Unit: r.unit.String}, Reason: r.reason, Auto: r.auto, To: procedure.State(r.to)}
	if r.payload.Valid {
		if err := json.Unmarshal([]byte(r.payload.String), &e.Payload); err != nil {
			return e, fmt.Errorf("payload %q: %w", r.payload.String, err)
		}
		if e.Payload == nil {
			// JSON null: the column should have been NULL.
			return e, fmt.Errorf("payload %q is not an object", r.payload.String)
		}
	}
	return e, nil
}

// args are the row's values for insertEvent, after the case's ID.
func (r *eventRow) args(caseID string) []any {
	return []any{caseID, r.seq, r.trigger, r.atNS, r.day, r.officer, r.unit, r.reason, r.payload, r.auto, r.to}
}

const insertEvent = `INSERT INTO events (case_id, seq, trigger_id, at_ns, day, officer_id, unit_id, reason, payload, auto, to_state)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// actors returns the distinct officers and units the events name, sorted.
func actors(events []procedure.Event) (officers, units []string) {
	for _, e := range events {
		if e.Actor.Officer != "" {
			officers = append(officers, e.Actor.Officer)
		}
		if e.Actor.Unit != "" {
			units = append(units, e.Actor.Unit)
		}
	}
	slices.Sort(officers)
	slices.Sort(units)
	return slices.Compact(officers), slices.Compact(units)
}

// running reports whether any clock of c is running: a scan reads only
// such cases.
func running(c *procedure.Case) bool {
	for i := range c.Clocks {
		if !c.Clocks[i].Clock.Stopped() {
			return true
		}
	}
	return false
}
