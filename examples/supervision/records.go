package supervision

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Case rebuilds a stored case from its events with
// procedure.Definition.Replay: the store keeps no copy of the case that
// could drift from its log. An absent case is an error wrapping
// ErrNotFound; a log that no longer replays on the store's definition,
// ErrCorrupt.
func (s *Store) Case(ctx context.Context, id string) (*procedure.Case, error) {
	r, err := s.one(ctx, "Case", id, math.MaxInt64)
	if err != nil {
		return nil, err
	}
	return r.c, nil
}

// Info returns what the store keeps of a case besides its events.
func (s *Store) Info(ctx context.Context, id string) (CaseInfo, error) {
	const op = "Info"
	if err := s.ready(ctx, op); err != nil {
		return CaseInfo{}, err
	}
	var info CaseInfo
	var created int64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id, definition, version, unit_id, created_ns FROM cases WHERE id = ?`), id).
		Scan(&info.ID, &info.Definition, &info.Version, &info.Unit, &created)
	if err == sql.ErrNoRows {
		return CaseInfo{}, fail(op, id, ErrNotFound, nil, "")
	}
	if err != nil {
		return CaseInfo{}, s.dbError(op, id, err)
	}
	info.Created = instant(created)
	return info, nil
}

// one reads and replays one case, with its events up to upTo.
func (s *Store) one(ctx context.Context, op, id string, upTo int64) (replayed, error) {
	if err := s.ready(ctx, op); err != nil {
		return replayed{}, err
	}
	got, err := eachCase(ctx, s, op, "c.id = ?", []any{id}, upTo, func(r replayed) (replayed, bool, error) { return r, true, nil })
	if err != nil {
		return replayed{}, err
	}
	if len(got) == 0 {
		return replayed{}, fail(op, id, ErrNotFound, nil, "")
	}
	return got[0], nil
}

// Record returns a case as the accountability rules read it: the case
// rebuilt from its events, its unit, its refusal register entries and its
// exemptions.
func (s *Store) Record(ctx context.Context, id string) (accountability.Record, error) {
	const op = "Record"
	r, err := s.one(ctx, op, id, math.MaxInt64)
	if err != nil {
		return accountability.Record{}, err
	}
	rec := accountability.Record{Unit: r.info.Unit, Case: r.c}
	byCase := map[string]*accountability.Record{id: &rec}
	if err := s.attach(ctx, s.db, "c.id = ?", []any{id}, byCase); err != nil {
		return accountability.Record{}, s.dbError(op, id, err)
	}
	return rec, nil
}

// attach adds to the records the register entries and exemptions of the
// cases matching where: two queries however many cases.
func (s *Store) attach(ctx context.Context, q querier, where string, args []any, byCase map[string]*accountability.Record) error {
	rows, err := q.QueryContext(ctx, s.d.rebind(`SELECT r.case_id, r.event, r.day, r.officer_id, r.reasons, r.basis, r.leader_opinion
		FROM register_entries r JOIN cases c ON c.id = r.case_id WHERE `+where+` ORDER BY r.case_id, r.id`), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, day string
		var e accountability.RegisterEntry
		if err := rows.Scan(&id, &e.Event, &day, &e.Officer, &e.Reasons, &e.Basis, &e.LeaderOpinion); err != nil {
			rows.Close()
			return err
		}
		if e.Day, err = deadline.ParseDate(day); err != nil {
			rows.Close()
			return fail("", id, ErrCorrupt, err, "register entry")
		}
		if rec := byCase[id]; rec != nil {
			rec.Register = append(rec.Register, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, s.d.rebind(`SELECT x.case_id, x.rule, x.ground, x.reason
		FROM exemptions x JOIN cases c ON c.id = x.case_id WHERE `+where+` ORDER BY x.case_id, x.id`), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, rule, ground string
		var x accountability.Exemption
		if err := rows.Scan(&id, &rule, &ground, &x.Reason); err != nil {
			return err
		}
		x.Rule = accountability.RuleID(rule)
		if err := x.Ground.UnmarshalText([]byte(ground)); err != nil {
			return fail("", id, ErrCorrupt, err, "exemption")
		}
		if rec := byCase[id]; rec != nil {
			rec.Exemptions = append(rec.Exemptions, x)
		}
	}
	return rows.Err()
}

// AddRegisterEntry enters a refusal in the refusal register (否定报备登记).
// e.Event is the refusal's index in the case's log; the event must be
// stored and the officer on the roster.
func (s *Store) AddRegisterEntry(ctx context.Context, caseID string, e accountability.RegisterEntry) error {
	const op = "AddRegisterEntry"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	if err := firstError(checkID("officer id", e.Officer), checkText("reasons", e.Reasons), checkText("basis", e.Basis),
		checkText("leader opinion", e.LeaderOpinion)); err != nil {
		return fail(op, caseID, ErrInvalidInput, err, "")
	}
	if e.Day == 0 {
		return fail(op, caseID, ErrInvalidInput, nil, "a register entry needs its day")
	}
	return s.write(ctx, op, caseID, func(tx *sql.Tx) error {
		var n int
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT events FROM cases WHERE id = ?`+s.d.forUpdate), caseID).Scan(&n)
		if err == sql.ErrNoRows {
			return &Error{Index: -1, Kind: ErrNotFound}
		}
		if err != nil {
			return err
		}
		if e.Event < 0 || e.Event >= n {
			return &Error{Index: e.Event, Kind: ErrInvalidInput, Detail: fmt.Sprintf("the log holds %d events", n)}
		}
		if ok, err := s.exists(ctx, tx, `SELECT COUNT(*) FROM officers WHERE id = ?`, e.Officer); err != nil {
			return err
		} else if !ok {
			return &Error{Index: -1, Kind: ErrInvalidInput, Detail: fmt.Sprintf("officer %q is not on the roster", e.Officer)}
		}
		_, err = tx.ExecContext(ctx, s.d.rebind(`INSERT INTO register_entries (case_id, event, day, officer_id, reasons, basis, leader_opinion)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), caseID, e.Event, e.Day.String(), e.Officer, e.Reasons, e.Basis, e.LeaderOpinion)
		return err
	})
}

// AddExemption records a ground on which no efficiency liability arises
// for some or all of a case's findings (免责).
func (s *Store) AddExemption(ctx context.Context, caseID string, x accountability.Exemption) error {
	const op = "AddExemption"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	if x.Ground == accountability.GroundUnknown || checkID("reason", x.Reason) != nil || checkText("rule", string(x.Rule)) != nil {
		return fail(op, caseID, ErrInvalidInput, nil, "an exemption needs a ground and its reason")
	}
	if x.Rule != "" {
		if _, ok := accountability.LookupRule(x.Rule); !ok {
			return fail(op, caseID, ErrInvalidInput, nil, fmt.Sprintf("no built-in rule %q", x.Rule))
		}
	}
	ground, _ := x.Ground.MarshalText()
	return s.write(ctx, op, caseID, func(tx *sql.Tx) error {
		if ok, err := s.exists(ctx, tx, `SELECT COUNT(*) FROM cases WHERE id = ?`, caseID); err != nil {
			return err
		} else if !ok {
			return &Error{Index: -1, Kind: ErrNotFound}
		}
		_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO exemptions (case_id, rule, ground, reason) VALUES (?, ?, ?, ?)`),
			caseID, string(x.Rule), string(ground), x.Reason)
		return err
	})
}

// PutInquiry records an inquiry (首问负责), or its outcome when it is
// already stored. The unit must be stored and the officer on the roster.
func (s *Store) PutInquiry(ctx context.Context, q accountability.Inquiry) error {
	const op = "PutInquiry"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	if err := firstError(checkID("inquiry id", q.ID), checkID("unit id", q.Unit), checkID("officer id", q.Officer),
		checkText("referral", q.ReferredTo), checkInstant("instant", q.At)); err != nil {
		return fail(op, "", ErrInvalidInput, err, "")
	}
	var outcomeNS sql.NullInt64
	if q.Outcome != accountability.OutcomeNone {
		if err := checkInstant("outcome instant", q.OutcomeAt); err != nil {
			return fail(op, "", ErrInvalidInput, err, "")
		}
		if q.OutcomeAt.Before(q.At) {
			return fail(op, "", ErrInvalidInput, nil, "dealt with before it was asked")
		}
		outcomeNS = sql.NullInt64{Int64: q.OutcomeAt.UnixNano(), Valid: true}
	}
	outcome, err := q.Outcome.MarshalText()
	if err != nil {
		return fail(op, "", ErrInvalidInput, err, "")
	}
	if q.Outcome == accountability.OutcomeNone {
		outcome = nil
	}
	return s.write(ctx, op, "", func(tx *sql.Tx) error {
		ps := s.prepared(tx)
		defer ps.close()
		if err := ps.checkActors(ctx, q.Unit, []procedure.Event{{Actor: procedure.Actor{Officer: q.Officer}}}); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO inquiries (id, unit_id, officer_id, at_ns, outcome, outcome_ns, referred_to)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, officer_id = excluded.officer_id, at_ns = excluded.at_ns,
				outcome = excluded.outcome, outcome_ns = excluded.outcome_ns, referred_to = excluded.referred_to`),
			q.ID, q.Unit, q.Officer, q.At.UnixNano(), string(outcome), outcomeNS, q.ReferredTo)
		return err
	})
}

// inquiries reads the inquiries asked in [from, to) nanoseconds, as they
// stood at asOf: an outcome after asOf is not yet known.
func (s *Store) inquiries(ctx context.Context, q querier, from, to, asOf int64) ([]accountability.Inquiry, error) {
	rows, err := q.QueryContext(ctx, s.d.rebind(`SELECT id, unit_id, officer_id, at_ns, outcome, outcome_ns, referred_to
		FROM inquiries WHERE at_ns >= ? AND at_ns < ? AND at_ns <= ? ORDER BY id`), from, to, asOf)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []accountability.Inquiry
	for rows.Next() {
		var in accountability.Inquiry
		var at int64
		var outcome string
		var outNS sql.NullInt64
		if err := rows.Scan(&in.ID, &in.Unit, &in.Officer, &at, &outcome, &outNS, &in.ReferredTo); err != nil {
			return nil, err
		}
		in.At = instant(at)
		if outcome != "" && outNS.Valid && outNS.Int64 <= asOf {
			if err := in.Outcome.UnmarshalText([]byte(outcome)); err != nil {
				return nil, fail("", "", ErrCorrupt, err, "inquiry "+in.ID)
			}
			in.OutcomeAt = instant(outNS.Int64)
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// ImportCase is a case to load with Store.Import: its registration and
// its whole log, with the register entries and exemptions made for it.
type ImportCase struct {
	Info       CaseInfo
	Events     []procedure.Event
	Register   []accountability.RegisterEntry
	Exemptions []accountability.Exemption
}

// Import loads cases kept elsewhere, in one transaction: each log is
// replayed on its definition first (automatic events included), and if
// any case is refused — an unknown procedure, a log that does not replay
// (ErrRefused), an ID already stored (ErrExists), an officer not on the
// roster — nothing is written. It is how a system moves its history
// into the store, and far faster than AppendEvents case by case.
func (s *Store) Import(ctx context.Context, cases ...ImportCase) error {
	const op = "Import"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	built := make([]*procedure.Case, len(cases))
	for i := range cases {
		ic := &cases[i]
		d, err := s.check(&ic.Info)
		if err != nil {
			return withOp(err, op, ic.Info.ID)
		}
		for j := range ic.Events {
			if err := checkEvent(&ic.Events[j]); err != nil {
				return &Error{Op: op, Case: ic.Info.ID, Index: j, Kind: ErrInvalidInput, Err: err}
			}
		}
		if len(ic.Events) > 0 && ic.Events[0].At.Before(ic.Info.Created) {
			return &Error{Op: op, Case: ic.Info.ID, Index: 0, Kind: ErrInvalidInput, Detail: "the first event comes before the case was registered"}
		}
		c, err := d.Replay(ctx, ic.Info.ID, ic.Events)
		if err != nil {
			return withOp(replayError(err, ErrRefused, "the log does not replay"), op, ic.Info.ID)
		}
		for _, r := range ic.Register {
			if r.Event < 0 || r.Event >= len(c.Events) || r.Day == 0 || checkID("officer id", r.Officer) != nil {
				return fail(op, ic.Info.ID, ErrInvalidInput, nil, fmt.Sprintf("register entry for event %d", r.Event))
			}
		}
		for _, x := range ic.Exemptions {
			if x.Ground == accountability.GroundUnknown || checkID("reason", x.Reason) != nil {
				return fail(op, ic.Info.ID, ErrInvalidInput, nil, "an exemption needs a ground and its reason")
			}
		}
		built[i] = c
	}
	return s.write(ctx, op, "", func(tx *sql.Tx) error {
		ps := s.prepared(tx)
		defer ps.close()
		for i := range cases {
			ic := &cases[i]
			if err := s.insertCase(ctx, ps, ic.Info, built[i]); err != nil {
				return withOp(err, op, ic.Info.ID)
			}
			var officers []procedure.Event
			for _, r := range ic.Register {
				officers = append(officers, procedure.Event{Actor: procedure.Actor{Officer: r.Officer}})
			}
			if err := ps.checkActors(ctx, "", officers); err != nil {
				return withOp(err, op, ic.Info.ID)
			}
			for _, r := range ic.Register {
				if _, err := ps.exec(ctx, `INSERT INTO register_entries (case_id, event, day, officer_id, reasons, basis, leader_opinion)
					VALUES (?, ?, ?, ?, ?, ?, ?)`, ic.Info.ID, r.Event, r.Day.String(), r.Officer, r.Reasons, r.Basis, r.LeaderOpinion); err != nil {
					return err
				}
			}
			for _, x := range ic.Exemptions {
				ground, _ := x.Ground.MarshalText()
				if _, err := ps.exec(ctx, `INSERT INTO exemptions (case_id, rule, ground, reason) VALUES (?, ?, ?, ?)`,
					ic.Info.ID, string(x.Rule), string(ground), x.Reason); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
