package supervision

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// loaded is a case as read from the database: its row and its log up to
// an instant.
type loaded struct {
	info   CaseInfo
	events []procedure.Event
	err    error // an event that did not decode
}

// pageQuery reads one page of cases matching a condition on the cases
// table (aliased c), ordered by ID after a given ID, each with its events
// up to an instant: one query for the events of a whole page, so that a
// scan of n cases makes n/page round trips, not n.
const pageQuery = `WITH page AS (
	SELECT c.id, c.definition, c.version, c.unit_id, c.created_ns FROM cases c
	WHERE (%s) AND c.id > ? ORDER BY c.id LIMIT ?)
SELECT p.id, p.definition, p.version, p.unit_id, p.created_ns,
	e.seq, e.trigger_id, e.at_ns, e.officer_id, e.unit_id, e.reason, e.payload, e.auto, e.to_state
FROM page p LEFT JOIN events e ON e.case_id = p.id AND e.at_ns <= ?
ORDER BY p.id, e.seq`

// readCases reads every case matching where (with its arguments), with
// its events at or before upTo (nanoseconds since 1970), page by page,
// and hands each page to fn.
func (s *Store) readCases(ctx context.Context, q querier, where string, args []any, upTo int64, fn func([]loaded) error) error {
	query := s.d.rebind(fmt.Sprintf(pageQuery, where))
	after := ""
	for {
		rows, err := q.QueryContext(ctx, query, append(args[:len(args):len(args)], after, s.pageLen, upTo)...)
		if err != nil {
			return err
		}
		page, err := scanPage(rows)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		if err := fn(page); err != nil {
			return err
		}
		if len(page) < s.pageLen {
			return nil
		}
		after = page[len(page)-1].info.ID
	}
}

// scanPage reads the rows of pageQuery into cases, and closes them.
func scanPage(rows *sql.Rows) ([]loaded, error) {
	defer rows.Close()
	var page []loaded
	for rows.Next() {
		var (
			info    CaseInfo
			created int64
			seq     sql.NullInt64
			atNS    sql.NullInt64
			trig    sql.NullString
			reason  sql.NullString
			auto    sql.NullBool
			to      sql.NullString
			r       eventRow
		)
		if err := rows.Scan(&info.ID, &info.Definition, &info.Version, &info.Unit, &created,
			&seq, &trig, &atNS, &r.officer, &r.unit, &reason, &r.payload, &auto, &to); err != nil {
			return nil, err
		}
		if n := len(page); n == 0 || page[n-1].info.ID != info.ID {
			info.Created = instant(created)
			page = append(page, loaded{info: info})
		}
		if !seq.Valid {
			continue // a case with no events yet
		}
		l := &page[len(page)-1]
		r.seq, r.trigger, r.atNS, r.reason, r.auto, r.to = int(seq.Int64), trig.String, atNS.Int64, reason.String, auto.Bool, to.String
		e, err := r.decode()
		if err != nil && l.err == nil {
			l.err = &Error{Case: info.ID, Index: r.seq, Kind: ErrCorrupt, Err: err}
		}
		l.events = append(l.events, e)
	}
	return page, rows.Err()
}

// replayed is a case rebuilt from the database, with its definition.
type replayed struct {
	info CaseInfo
	def  *procedure.Definition
	c    *procedure.Case
}

// rebuild replays a loaded case on its definition.
func (s *Store) rebuild(ctx context.Context, l *loaded) (replayed, error) {
	if l.err != nil {
		return replayed{}, l.err
	}
	d, err := s.definition(l.info.Definition, l.info.Version)
	if err != nil {
		return replayed{}, err
	}
	c, err := replay(ctx, d, l.info.ID, l.events)
	if err != nil {
		return replayed{}, err
	}
	return replayed{info: l.info, def: d, c: c}, nil
}

// eachCase reads the cases matching where in a consistent read
// transaction, replays each on the store's workers and passes it to
// work, which runs concurrently with itself. It collects work's results
// in no particular order; the first error stops everything.
func eachCase[T any](ctx context.Context, s *Store, op, where string, args []any, upTo int64, work func(replayed) (T, bool, error)) ([]T, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	tx, err := s.db.BeginTx(ctx, &s.d.read)
	if err != nil {
		return nil, s.dbError(op, "", err)
	}
	defer tx.Rollback()

	workers := s.workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	cases := make(chan *loaded, s.pageLen)
	var (
		mu  sync.Mutex
		out []T
		wg  sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			var mine []T
			for l := range cases {
				if ctx.Err() != nil {
					continue // drain
				}
				r, err := s.rebuild(ctx, l)
				var v T
				var keep bool
				if err == nil {
					v, keep, err = work(r)
				}
				if err != nil {
					cancel(withOp(err, op, l.info.ID))
					continue
				}
				if keep {
					mine = append(mine, v)
				}
			}
			mu.Lock()
			out = append(out, mine...)
			mu.Unlock()
		})
	}
	readErr := s.readCases(ctx, tx, where, args, upTo, func(page []loaded) error {
		for i := range page {
			select {
			case cases <- &page[i]:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		}
		return nil
	})
	close(cases)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, s.dbError(op, "", err)
	}
	if readErr != nil {
		return nil, s.dbError(op, "", readErr)
	}
	return out, nil
}
