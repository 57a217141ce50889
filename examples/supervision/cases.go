package supervision

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// CaseInfo is what the store keeps of a case besides its events: its
// procedure, the unit that handles it and when it was registered.
type CaseInfo struct {
	ID string `json:"id"`
	// Definition is the ID of the procedure, e.g. "licensing"; Version
	// is the definition's version, set by the store.
	Definition string `json:"definition"`
	Version    string `json:"version,omitempty"`
	// Unit is the unit (单位) the case belongs to; it must be stored.
	Unit string `json:"unit"`
	// Created is when the case was registered, at or before its first
	// event.
	Created time.Time `json:"created"`
}

// check validates the info and returns the case's definition.
func (s *Store) check(info *CaseInfo) (*procedure.Definition, error) {
	if err := firstError(checkID("case id", info.ID), checkID("unit id", info.Unit), checkText("definition", info.Definition),
		checkInstant("creation instant", info.Created)); err != nil {
		return nil, &Error{Op: "", Case: info.ID, Index: -1, Kind: ErrInvalidInput, Err: err}
	}
	d, err := s.definition(info.Definition, "")
	if err != nil {
		return nil, err
	}
	_, info.Version = d.ID()
	return d, nil
}

// definition returns the definition of a stored case, checking the
// version when one is given.
func (s *Store) definition(id, version string) (*procedure.Definition, error) {
	d, ok := s.defs[id]
	if !ok {
		return nil, &Error{Index: -1, Kind: ErrUnknownDefinition, Err: procedure.ErrUnknownDefinition,
			Detail: fmt.Sprintf("no procedure %q", id)}
	}
	if _, v := d.ID(); version != "" && v != version {
		return nil, &Error{Index: -1, Kind: ErrUnknownDefinition,
			Detail: fmt.Sprintf("the case runs on %s version %s, the store has version %s", id, version, v)}
	}
	return d, nil
}

// withOp fills in the operation and case of an *Error built without them.
func withOp(err error, op, caseID string) error {
	var e *Error
	if errors.As(err, &e) && e.Op == "" {
		e.Op = op
		if e.Case == "" {
			e.Case = caseID
		}
	}
	return err
}

// CreateCase registers a case with no events yet. The definition must be
// one of the store's (ErrUnknownDefinition), the unit stored
// (ErrInvalidInput), and the ID new (ErrExists).
func (s *Store) CreateCase(ctx context.Context, info CaseInfo) error {
	const op = "CreateCase"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	d, err := s.check(&info)
	if err != nil {
		return withOp(err, op, info.ID)
	}
	return s.write(ctx, op, info.ID, func(tx *sql.Tx) error {
		ps := s.prepared(tx)
		defer ps.close()
		return s.insertCase(ctx, ps, info, d.NewCase(info.ID))
	})
}

// insertCase writes a case's row and its log, after checking that the
// ID is new and that the unit and the events' officers and units are
// stored.
func (s *Store) insertCase(ctx context.Context, ps *stmts, info CaseInfo, c *procedure.Case) error {
	if ok, err := ps.exists(ctx, `SELECT COUNT(*) FROM cases WHERE id = ?`, info.ID); err != nil {
		return err
	} else if ok {
		return &Error{Index: -1, Kind: ErrExists}
	}
	if err := ps.checkActors(ctx, info.Unit, c.Events); err != nil {
		return err
	}
	last := info.Created
	if n := len(c.Events); n > 0 {
		last = c.Events[n-1].At
	}
	if _, err := ps.exec(ctx, `INSERT INTO cases (id, definition, version, unit_id, created_ns, state, running, last_ns, events)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		info.ID, info.Definition, info.Version, info.Unit, info.Created.UnixNano(), string(c.State), running(c), last.UnixNano(), len(c.Events)); err != nil {
		return err
	}
	return ps.insertEvents(ctx, info.ID, c.Events, 0)
}

// stmts prepares each statement of a transaction once, and remembers
// which units and officers it found stored: an import of thousands of
// cases parses each statement once.
type stmts struct {
	tx    *sql.Tx
	d     dialect
	m     map[string]*sql.Stmt
	known map[string]bool
}

func (s *Store) prepared(tx *sql.Tx) *stmts {
	return &stmts{tx: tx, d: s.d, m: map[string]*sql.Stmt{}, known: map[string]bool{}}
}

func (ps *stmts) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := ps.m[q]; ok {
		return st, nil
	}
	st, err := ps.tx.PrepareContext(ctx, ps.d.rebind(q))
	if err != nil {
		return nil, err
	}
	ps.m[q] = st
	return st, nil
}

func (ps *stmts) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := ps.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// exists reports whether a COUNT(*) query finds a row.
func (ps *stmts) exists(ctx context.Context, q string, args ...any) (bool, error) {
	st, err := ps.stmt(ctx, q)
	if err != nil {
		return false, err
	}
	var n int
	if err := st.QueryRowContext(ctx, args...).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

func (ps *stmts) close() {
	for _, st := range ps.m {
		st.Close()
	}
}

// checkActors checks that the unit and the officers and units named by
// the events are stored, so that the foreign keys never fail with a
// driver's message.
func (ps *stmts) checkActors(ctx context.Context, unit string, events []procedure.Event) error {
	officers, units := actors(events)
	if unit != "" {
		units = append(units, unit)
	}
	check := func(kind, q, id, detail string) error {
		if ps.known[kind+id] {
			return nil
		}
		ok, err := ps.exists(ctx, q, id)
		if err != nil {
			return err
		}
		if !ok {
			return &Error{Index: -1, Kind: ErrInvalidInput, Detail: fmt.Sprintf(detail, id)}
		}
		ps.known[kind+id] = true
		return nil
	}
	for _, u := range units {
		if err := check("unit:", `SELECT COUNT(*) FROM units WHERE id = ?`, u, "unit %q is not stored"); err != nil {
			return err
		}
	}
	for _, o := range officers {
		if err := check("officer:", `SELECT COUNT(*) FROM officers WHERE id = ?`, o, "officer %q is not on the roster"); err != nil {
			return err
		}
	}
	return nil
}

// insertEvents writes events, the first of them with sequence number
// from.
func (ps *stmts) insertEvents(ctx context.Context, caseID string, events []procedure.Event, from int) error {
	for i := range events {
		r, err := encodeEvent(from+i, &events[i])
		if err != nil {
			return &Error{Index: from + i, Kind: ErrInvalidInput, Err: err}
		}
		if _, err := ps.exec(ctx, insertEvent, r.args(caseID)...); err != nil {
			return err
		}
	}
	return nil
}

// write runs f in a transaction that takes the write lock, and commits
// it if f succeeds: on any error nothing is written.
func (s *Store) write(ctx context.Context, op, caseID string, f func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.dbError(op, caseID, err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return s.dbError(op, caseID, withOp(err, op, caseID))
	}
	if err := tx.Commit(); err != nil {
		return s.dbError(op, caseID, err)
	}
	return nil
}

// AppendEvents fires events on a stored case, in order, and stores them
// with the state each led to. The case is rebuilt from its stored log
// under a lock on its row, so appends to one case from many goroutines
// or processes never interleave, and each event is checked by
// procedure.Definition.Fire against the whole log.
//
// It is all or nothing: if the procedure refuses any event (an error
// wrapping ErrRefused and the procedure's *procedure.Error), or an event
// cannot be stored (ErrInvalidInput: text that is not UTF-8, an officer
// not on the roster, an instant out of range), nothing is written. An
// event after an automatic outcome of the law was due is refused with
// procedure.ErrExpired: call Store.Advance first.
//
// It returns the case as it now stands.
func (s *Store) AppendEvents(ctx context.Context, caseID string, events ...procedure.Event) (*procedure.Case, error) {
	const op = "AppendEvents"
	if err := s.ready(ctx, op); err != nil {
		return nil, err
	}
	for i := range events {
		if err := checkEvent(&events[i]); err != nil {
			return nil, &Error{Op: op, Case: caseID, Index: i, Kind: ErrInvalidInput, Err: err}
		}
	}
	var out *procedure.Case
	err := s.write(ctx, op, caseID, func(tx *sql.Tx) error {
		d, c, created, err := s.lockCase(ctx, tx, caseID)
		if err != nil {
			return err
		}
		n := len(c.Events)
		if n == 0 && len(events) > 0 && events[0].At.Before(created) {
			return &Error{Index: 0, Kind: ErrInvalidInput, Detail: fmt.Sprintf("the first event comes before the case was registered at %s", created.Format(time.RFC3339))}
		}
		for i, e := range events {
			if err := d.Fire(ctx, c, e); err != nil {
				return &Error{Index: i, Kind: ErrRefused, Err: err}
			}
		}
		out = c
		if len(c.Events) == n {
			return nil
		}
		ps := s.prepared(tx)
		defer ps.close()
		if err := ps.checkActors(ctx, "", events); err != nil {
			return err
		}
		if err := ps.insertEvents(ctx, caseID, c.Events[n:], n); err != nil {
			return err
		}
		return s.updateCase(ctx, tx, c)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Advance applies the automatic outcomes the law attaches to the clocks
// of a case that ran out before asOf (视为受理, 视为准予延续, 视为放弃申请), as
// procedure.Definition.Advance does, and stores the events it fired. It
// is idempotent. It returns the events stored.
func (s *Store) Advance(ctx context.Context, caseID string, asOf time.Time) ([]procedure.Event, error) {
	const op = "Advance"
	if err := s.ready(ctx, op); err != nil {
		return nil, err
	}
	if err := checkInstant("instant", asOf); err != nil {
		return nil, fail(op, caseID, ErrInvalidInput, err, "")
	}
	var fired []procedure.Event
	err := s.write(ctx, op, caseID, func(tx *sql.Tx) error {
		d, c, _, err := s.lockCase(ctx, tx, caseID)
		if err != nil {
			return err
		}
		n := len(c.Events)
		if fired, err = d.Advance(ctx, c, asOf); err != nil {
			return &Error{Index: -1, Kind: ErrRefused, Err: err}
		}
		if len(fired) == 0 {
			return nil
		}
		ps := s.prepared(tx)
		defer ps.close()
		if err := ps.insertEvents(ctx, caseID, c.Events[n:], n); err != nil {
			return err
		}
		return s.updateCase(ctx, tx, c)
	})
	if err != nil {
		return nil, err
	}
	return fired, nil
}

// lockCase reads a case's row, locking it, and rebuilds the case from
// its log. It returns the case's definition, the case and when it was
// registered.
func (s *Store) lockCase(ctx context.Context, tx *sql.Tx, caseID string) (*procedure.Definition, *procedure.Case, time.Time, error) {
	var info CaseInfo
	var created int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, definition, version, unit_id, created_ns FROM cases WHERE id = ?`+s.d.forUpdate), caseID).
		Scan(&info.ID, &info.Definition, &info.Version, &info.Unit, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, time.Time{}, &Error{Index: -1, Kind: ErrNotFound}
	}
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	d, err := s.definition(info.Definition, info.Version)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT seq, trigger_id, at_ns, officer_id, unit_id, reason, payload, auto, to_state
		FROM events WHERE case_id = ? ORDER BY seq`), caseID)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	defer rows.Close()
	var events []procedure.Event
	for rows.Next() {
		var r eventRow
		if err := rows.Scan(&r.seq, &r.trigger, &r.atNS, &r.officer, &r.unit, &r.reason, &r.payload, &r.auto, &r.to); err != nil {
			return nil, nil, time.Time{}, err
		}
		e, err := r.decode()
		if err != nil {
			return nil, nil, time.Time{}, &Error{Index: r.seq, Kind: ErrCorrupt, Err: err}
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, time.Time{}, err
	}
	c, err := replay(ctx, d, caseID, events)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	return d, c, instant(created), nil
}

// replay rebuilds a case from its stored log, just read from the
// database and handed over (procedure.Definition.Rebuild keeps it as the
// case's log, without a copy); a log that no longer replays is corrupt.
func replay(ctx context.Context, d *procedure.Definition, caseID string, events []procedure.Event) (*procedure.Case, error) {
	c, err := d.Rebuild(ctx, caseID, events)
	if err != nil {
		return nil, replayError(err, ErrCorrupt, "the stored log does not replay")
	}
	return c, nil
}

// replayError wraps an error of procedure.Definition.Replay or Rebuild,
// with the index of the event it names.
func replayError(err error, kind error, detail string) *Error {
	idx := -1
	var pe *procedure.Error
	if errors.As(err, &pe) {
		if _, serr := fmt.Sscanf(pe.Path, "events[%d]", &idx); serr != nil {
			idx = -1
		}
	}
	return &Error{Index: idx, Kind: kind, Err: err, Detail: detail}
}

// updateCase refreshes the index columns of a case's row from the case.
func (s *Store) updateCase(ctx context.Context, tx *sql.Tx, c *procedure.Case) error {
	var last int64
	if n := len(c.Events); n > 0 {
		last = c.Events[n-1].At.UnixNano()
	}
	_, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE cases SET state = ?, running = ?, last_ns = ?, events = ? WHERE id = ?`),
		string(c.State), running(c), last, len(c.Events), c.ID)
	return err
}
