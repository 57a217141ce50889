package supervision

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The migrations, in order: migrations/NNNN_name.sql, numbered from 1
// without gaps. A migration is never edited once released: a change to
// the schema is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order. The files are
// fixed at build time and a test reads them all, so a malformed name is
// a programmer's error caught by the tests.
func migrations() []migration {
	entries, _ := fs.ReadDir(migrationFiles, "migrations")
	var out []migration
	for _, e := range entries {
		num, name, _ := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		data, _ := migrationFiles.ReadFile("migrations/" + e.Name())
		out = append(out, migration{version: v, name: name, sql: string(data)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	return out
}

// statements splits a migration into statements: each ends with a
// semicolon at the end of a line. Comment lines are dropped.
func statements(q string) []string {
	var out []string
	var cur strings.Builder
	for line := range strings.Lines(q) {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_ns BIGINT NOT NULL
)`

// version returns the schema's version: the highest migration applied,
// 0 for an empty database.
func (s *Store) version(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	if err != nil {
		// No table yet: tell that apart from a dead connection.
		if perr := s.db.PingContext(ctx); perr != nil {
			return 0, perr
		}
		return 0, nil
	}
	var v int
	if n > 0 {
		if err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
			return 0, err
		}
	}
	return v, nil
}

// Migrate brings the schema up to date, one migration per transaction,
// and returns the versions it applied. It is idempotent, and safe to run
// from several processes at once: on PostgreSQL an advisory lock, on
// SQLite the write lock, makes them take turns, and each migration is
// applied once.
func (s *Store) Migrate(ctx context.Context) ([]int, error) {
	const op = "Migrate"
	if s.closed.Load() {
		return nil, fail(op, "", ErrClosed, nil, "")
	}
	var applied []int
	for _, m := range migrations() {
		done, err := s.apply(ctx, m)
		if err != nil {
			return applied, fail(op, "", ErrSchema, err, fmt.Sprintf("migration %d (%s)", m.version, m.name))
		}
		if done {
			applied = append(applied, m.version)
		}
	}
	s.migrated.Store(false) // read the version again on the next call
	return applied, s.ready(ctx, op)
}

// apply runs migration m in a transaction unless it was applied, and
// reports whether it ran it.
func (s *Store) apply(ctx context.Context, m migration) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if s.d.lockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.d.lockMigrations); err != nil {
			return false, err
		}
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return false, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	for _, st := range statements(s.d.expand(m.sql)) {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return false, fmt.Errorf("%w\n%s", err, st)
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name, applied_ns) VALUES (?, ?, ?)`),
		m.version, m.name, time.Now().UnixNano()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
