package supervision

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// Unit is a unit (单位): an agency, a department or a service window.
type Unit struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// checkText reports a string that no database can store as given: not
// UTF-8 (PostgreSQL refuses it, SQLite keeps bytes that JSON would
// change), or holding a NUL byte (PostgreSQL's text cannot).
func checkText(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s %q is not UTF-8", what, s)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%s %q holds a NUL byte", what, s)
	}
	return nil
}

// checkID reports an empty or unstorable identifier.
func checkID(what, s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("no %s", what)
	}
	return checkText(what, s)
}

// PutUnit adds a unit, or renames it.
func (s *Store) PutUnit(ctx context.Context, u Unit) error {
	const op = "PutUnit"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	if err := firstError(checkID("unit id", u.ID), checkText("unit name", u.Name)); err != nil {
		return fail(op, "", ErrInvalidInput, err, "")
	}
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO units (id, name) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name`), u.ID, u.Name)
	if err != nil {
		return s.dbError(op, "", err)
	}
	return nil
}

// Units returns the units, by ID.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	const op = "Units"
	if err := s.ready(ctx, op); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM units ORDER BY id`)
	if err != nil {
		return nil, s.dbError(op, "", err)
	}
	defer rows.Close()
	var out []Unit
	for rows.Next() {
		var u Unit
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, s.dbError(op, "", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, s.dbError(op, "", err)
	}
	return out, nil
}

// PutOfficer adds an officer to the roster, or changes the officer's
// name, unit or substitute (B角). The unit must be stored; the substitute
// is checked by the accountability evaluation, so that two officers may
// name each other.
func (s *Store) PutOfficer(ctx context.Context, o accountability.Officer) error {
	const op = "PutOfficer"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	if err := firstError(checkID("officer id", o.ID), checkText("officer name", o.Name), checkID("unit id", o.Unit),
		checkText("substitute", o.Substitute)); err != nil {
		return fail(op, "", ErrInvalidInput, err, "")
	}
	if ok, err := s.exists(ctx, s.db, `SELECT COUNT(*) FROM units WHERE id = ?`, o.Unit); err != nil {
		return s.dbError(op, "", err)
	} else if !ok {
		return fail(op, "", ErrInvalidInput, nil, fmt.Sprintf("officer %q: unit %q is not stored", o.ID, o.Unit))
	}
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO officers (id, name, unit_id, substitute) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, substitute = excluded.substitute`),
		o.ID, o.Name, o.Unit, o.Substitute)
	if err != nil {
		return s.dbError(op, "", err)
	}
	return nil
}

// AddAbsence records that an officer is away (出差, 休假, 学习) from a.From
// through a.To; the substitute is responsible meanwhile.
func (s *Store) AddAbsence(ctx context.Context, a accountability.Absence) error {
	const op = "AddAbsence"
	if err := s.ready(ctx, op); err != nil {
		return err
	}
	if err := firstError(checkID("officer id", a.Officer), checkText("substitute", a.Substitute)); err != nil {
		return fail(op, "", ErrInvalidInput, err, "")
	}
	if a.From == 0 || a.To < a.From {
		return fail(op, "", ErrInvalidInput, nil, fmt.Sprintf("an absence from %s to %s", a.From, a.To))
	}
	if ok, err := s.exists(ctx, s.db, `SELECT COUNT(*) FROM officers WHERE id = ?`, a.Officer); err != nil {
		return s.dbError(op, "", err)
	} else if !ok {
		return fail(op, "", ErrInvalidInput, nil, fmt.Sprintf("officer %q is not on the roster", a.Officer))
	}
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO absences (officer_id, from_day, to_day, substitute) VALUES (?, ?, ?, ?)`),
		a.Officer, a.From.String(), a.To.String(), a.Substitute)
	if err != nil {
		return s.dbError(op, "", err)
	}
	return nil
}

// Roster returns the officers, by ID, and their absences, by officer and
// first day.
func (s *Store) Roster(ctx context.Context) (accountability.Roster, error) {
	const op = "Roster"
	if err := s.ready(ctx, op); err != nil {
		return accountability.Roster{}, err
	}
	r, err := s.roster(ctx, s.db)
	if err != nil {
		return accountability.Roster{}, s.dbError(op, "", err)
	}
	return r, nil
}

// querier is what a *sql.DB and a *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func (s *Store) roster(ctx context.Context, q querier) (accountability.Roster, error) {
	var r accountability.Roster
	rows, err := q.QueryContext(ctx, `SELECT id, name, unit_id, substitute FROM officers ORDER BY id`)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var o accountability.Officer
		if err := rows.Scan(&o.ID, &o.Name, &o.Unit, &o.Substitute); err != nil {
			rows.Close()
			return r, err
		}
		r.Officers = append(r.Officers, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	rows, err = q.QueryContext(ctx, `SELECT officer_id, from_day, to_day, substitute FROM absences ORDER BY officer_id, from_day, id`)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var a accountability.Absence
		var from, to string
		if err := rows.Scan(&a.Officer, &from, &to, &a.Substitute); err != nil {
			return r, err
		}
		if a.From, err = deadline.ParseDate(from); err != nil {
			return r, fail("Roster", "", ErrCorrupt, err, "absence")
		}
		if a.To, err = deadline.ParseDate(to); err != nil {
			return r, fail("Roster", "", ErrCorrupt, err, "absence")
		}
		r.Absences = append(r.Absences, a)
	}
	return r, rows.Err()
}

// exists reports whether a COUNT(*) query finds a row.
func (s *Store) exists(ctx context.Context, q querier, query string, args ...any) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, s.d.rebind(query), args...).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
