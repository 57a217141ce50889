package supervision

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync/atomic"

	// The two drivers the store speaks to: SQLite in pure Go, and
	// PostgreSQL through pgx's database/sql adapter.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Store keeps cases, their event logs, the roster, the refusal register
// and inquiries in a SQL database, and answers the supervision questions
// from it: a case rebuilt from its events (Store.Case), the
// electronic-supervision scan (Store.Scan) and the accountability report
// (Store.Report).
//
// A Store is safe for concurrent use by any number of goroutines, and
// any number of processes may share one database: the events of a case
// are appended under a lock on its row (SQLite: the database's write
// lock), so they never interleave.
type Store struct {
	db     *sql.DB
	d      dialect
	defs   map[string]*procedure.Definition
	eval   *accountability.Evaluator
	ladder *accountability.Ladder
	card   *accountability.Scorecard
	// indicators are the IDs of the scorecard's indicators.
	indicators []string
	policy     *deadline.Policy
	pageLen    int
	workers    int

	closed   atomic.Bool
	migrated atomic.Bool
}

// Option configures a Store opened with Open. The set of options is
// closed.
type Option interface{ apply(*config) error }

type config struct {
	defs    []*procedure.Definition
	evalOpt []accountability.Option
	ladder  *accountability.LadderSpec
	card    *accountability.ScorecardSpec
	policy  *deadline.Policy
	pageLen int
	workers int
}

type optionFunc func(*config) error

func (f optionFunc) apply(c *config) error { return f(c) }

// WithDefinitions gives the procedures the cases run on, by ID; a later
// definition with the ID of an earlier one replaces it. The default is
// every reference definition of package procedure (procedure.Reference).
// The accountability evaluation is given the same definitions.
func WithDefinitions(defs ...*procedure.Definition) Option {
	return optionFunc(func(c *config) error {
		for i, d := range defs {
			if d == nil {
				return fmt.Errorf("definition %d is nil", i)
			}
		}
		c.defs = append(c.defs, defs...)
		return nil
	})
}

// WithEvaluation passes options to accountability.New for Store.Report:
// profiles, thresholds, the rules to apply, the calendar of inquiries.
// The store adds accountability.WithDefinitions with its own definitions.
func WithEvaluation(opts ...accountability.Option) Option {
	return optionFunc(func(c *config) error {
		c.evalOpt = append(c.evalOpt, opts...)
		return nil
	})
}

// WithLadder turns the findings of Store.Report into sanctions on the
// ladder (e.g. accountability.ZhejiangLadder, where that measure applies).
// Without it a report has no sanctions.
func WithLadder(spec accountability.LadderSpec) Option {
	return optionFunc(func(c *config) error {
		c.ladder = &spec
		return nil
	})
}

// WithScorecard ranks the units in Store.Report. The store computes two
// indicators from the records, and the scorecard may weigh either or
// both: IndicatorOnTime and IndicatorClean. Without it a report has no
// ranking.
func WithScorecard(spec accountability.ScorecardSpec) Option {
	return optionFunc(func(c *config) error {
		for _, ind := range spec.Indicators {
			if ind.ID != IndicatorOnTime && ind.ID != IndicatorClean {
				return fmt.Errorf("scorecard indicator %q: the store computes only %q and %q", ind.ID, IndicatorOnTime, IndicatorClean)
			}
		}
		c.card = &spec
		return nil
	})
}

// WithPolicy lights the clocks of Store.Scan under p instead of each
// definition's own policy (procedure.WithPolicy). A party's period or a
// minimum stays green whatever the policy.
func WithPolicy(p deadline.Policy) Option {
	return optionFunc(func(c *config) error {
		if err := p.Validate(); err != nil {
			return err
		}
		c.policy = &p
		return nil
	})
}

// WithBatch sets how many cases one query reads, with all their events,
// when a scan or report replays cases; the default is 1,000. It trades
// memory for round trips.
func WithBatch(n int) Option {
	return optionFunc(func(c *config) error {
		if n < 1 {
			return fmt.Errorf("batch of %d cases", n)
		}
		c.pageLen = n
		return nil
	})
}

// WithWorkers sets how many goroutines replay cases in a scan or report;
// the default is GOMAXPROCS.
func WithWorkers(n int) Option {
	return optionFunc(func(c *config) error {
		if n < 1 {
			return fmt.Errorf("%d workers", n)
		}
		c.workers = n
		return nil
	})
}

// Open opens the database named by driverName and dsn and checks that it
// answers. driverName is "sqlite" (modernc.org/sqlite; dsn a file name,
// with optional query parameters) or "pgx" (github.com/jackc/pgx/v5; dsn
// a PostgreSQL URL or key=value string). For SQLite, the store turns on
// foreign keys, a busy timeout, the write-ahead log and writers that lock
// when they begin, unless the DSN sets them. Processes that open one new
// SQLite file at once take turns: Open waits up to ten seconds, or until
// ctx ends, for the others.
//
// Open does not change the schema: call Store.Migrate. An unknown driver,
// a database that does not answer, or an invalid option is an error
// wrapping ErrUnavailable or ErrInvalidInput.
func Open(ctx context.Context, driverName, dsn string, opts ...Option) (*Store, error) {
	const op = "Open"
	d, ok := dialectFor(driverName)
	if !ok {
		return nil, fail(op, "", ErrUnavailable, nil, fmt.Sprintf("driver %q: the store speaks to \"sqlite\" and \"pgx\"", driverName))
	}
	cfg := config{pageLen: 1000}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o.apply(&cfg); err != nil {
			return nil, fail(op, "", ErrInvalidInput, err, "")
		}
	}
	s := &Store{d: d, defs: map[string]*procedure.Definition{}, policy: cfg.policy, pageLen: cfg.pageLen, workers: cfg.workers}
	if len(cfg.defs) == 0 {
		for _, name := range procedure.ReferenceNames() {
			def, err := procedure.Reference(name)
			if err != nil {
				return nil, fail(op, "", ErrUnknownDefinition, err, "")
			}
			cfg.defs = append(cfg.defs, def)
		}
	}
	for _, def := range cfg.defs {
		id, _ := def.ID()
		s.defs[id] = def
	}
	defs := make([]*procedure.Definition, 0, len(s.defs))
	for _, id := range slices.Sorted(maps.Keys(s.defs)) {
		defs = append(defs, s.defs[id])
	}
	eval, err := accountability.New(append(slices.Clip(cfg.evalOpt), accountability.WithDefinitions(defs...))...)
	if err != nil {
		return nil, fail(op, "", ErrInvalidInput, err, "evaluation")
	}
	s.eval = eval
	if cfg.ladder != nil {
		if s.ladder, err = accountability.NewLadder(*cfg.ladder); err != nil {
			return nil, fail(op, "", ErrInvalidInput, err, "ladder")
		}
	}
	if cfg.card != nil {
		if s.card, err = accountability.NewScorecard(*cfg.card); err != nil {
			return nil, fail(op, "", ErrInvalidInput, err, "scorecard")
		}
		for _, ind := range cfg.card.Indicators {
			s.indicators = append(s.indicators, ind.ID)
		}
	}

	full, wal := d.dsn(dsn)
	db, err := sql.Open(driverName, full)
	if err != nil {
		return nil, fail(op, "", ErrUnavailable, err, "")
	}
	if d.name == "sqlite" && memoryDSN(dsn) {
		// Each connection to ":memory:" is a database of its own.
		db.SetMaxOpenConns(1)
	}
	err = retryBusy(ctx, func() error { return db.PingContext(ctx) })
	if err == nil && wal {
		err = switchToWAL(ctx, db)
	}
	if err != nil {
		db.Close()
		return nil, fail(op, "", ErrUnavailable, err, "")
	}
	s.db = db
	return s, nil
}

// Close closes the database. Calls after Close return errors wrapping
// ErrClosed; Close itself may be called more than once.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if err := s.db.Close(); err != nil {
		return fail("Close", "", ErrUnavailable, err, "")
	}
	return nil
}

// Definition returns the procedure definition with the ID, as the store
// replays its cases.
func (s *Store) Definition(id string) (*procedure.Definition, bool) {
	d, ok := s.defs[id]
	return d, ok
}

// ready checks that the store is open and its schema current, reading
// the schema's version until it is.
func (s *Store) ready(ctx context.Context, op string) error {
	if s.closed.Load() {
		return fail(op, "", ErrClosed, nil, "")
	}
	if s.migrated.Load() {
		return nil
	}
	v, err := s.version(ctx)
	if err != nil {
		return s.dbError(op, "", err)
	}
	latest := len(migrations())
	switch {
	case v < latest:
		return fail(op, "", ErrSchema, nil, fmt.Sprintf("the database is at version %d of %d: call Migrate", v, latest))
	case v > latest:
		return fail(op, "", ErrSchema, nil, fmt.Sprintf("the database is at version %d, newer than this program's %d", v, latest))
	}
	s.migrated.Store(true)
	return nil
}

// dbError wraps an error of the database: ErrClosed if the store was
// closed meanwhile, ErrUnavailable otherwise.
func (s *Store) dbError(op, caseID string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if s.closed.Load() || errors.Is(err, sql.ErrConnDone) {
		return fail(op, caseID, ErrClosed, err, "")
	}
	return fail(op, caseID, ErrUnavailable, err, "")
}
