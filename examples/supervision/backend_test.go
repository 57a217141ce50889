package supervision_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xiaoneng/xiaoneng/examples/supervision"
)

// postgresEnv names the environment variable that gives the tests a
// PostgreSQL server: a DSN such as
// postgres://xn@127.0.0.1:5433/xn?sslmode=disable. ci-postgres.sh starts
// a throwaway server and prints it.
const postgresEnv = "XN_POSTGRES_DSN"

// backend is a database the suite runs on.
type backend struct {
	name string
	// open returns a fresh, empty database's driver and DSN, removed when
	// the test ends.
	open func(tb testing.TB) (driver, dsn string)
}

// backends are the databases of the suite: SQLite always, PostgreSQL when
// postgresEnv is set. On CI (CI=true) a missing PostgreSQL fails the
// suite rather than skipping it.
func backends() []backend {
	return []backend{
		{name: "sqlite", open: func(tb testing.TB) (string, string) {
			return "sqlite", filepath.Join(tb.TempDir(), "supervision.db")
		}},
		{name: "postgres", open: openPostgres},
	}
}

var schemaSeq atomic.Int64

// openPostgres makes a schema of its own for the test on the server of
// postgresEnv, and returns a DSN whose search_path is that schema, so
// tests run in parallel without seeing each other's tables.
func openPostgres(tb testing.TB) (string, string) {
	tb.Helper()
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		if os.Getenv("CI") == "true" && os.Getenv("XN_SKIP_POSTGRES") == "" {
			tb.Fatalf("%s is not set on CI: run `eval \"$(examples/supervision/ci-postgres.sh)\"` first", postgresEnv)
		}
		tb.Skipf("PostgreSQL tests skipped: set %s to a server's DSN, or run `eval \"$(./ci-postgres.sh)\"` to start one", postgresEnv)
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	schema := fmt.Sprintf("xn_test_%d_%d", time.Now().UnixNano(), schemaSeq.Add(1))
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		tb.Fatalf("PostgreSQL at %s: %v", postgresEnv, err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	return "pgx", withSearchPath(dsn, schema)
}

// withSearchPath adds a search_path runtime parameter to a PostgreSQL
// DSN, URL or key=value.
func withSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + "search_path=" + schema
	}
	return dsn + " search_path=" + schema
}

// open opens and migrates a store on a fresh database of the backend.
func (b backend) store(tb testing.TB, opts ...supervision.Option) *supervision.Store {
	tb.Helper()
	driver, dsn := b.open(tb)
	st, err := supervision.Open(context.Background(), driver, dsn, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return st
}

// eachBackend runs f as a subtest on every backend.
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}
