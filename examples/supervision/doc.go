// Package supervision keeps administrative cases in a SQL database —
// SQLite through a pure-Go driver, or PostgreSQL — and answers the
// questions of electronic supervision (电子监察) and efficiency
// accountability (机关效能建设) from it.
//
// A [Store] holds units, the roster of officers with their substitutes
// and absences (岗位责任, AB角), cases, each case's event log, the refusal
// register (否定报备), exemptions (免责) and inquiries (首问负责). It never
// stores a case as a blob: [Store.Case] rebuilds a case from its events
// with procedure.Definition.Rebuild (Replay on the log just read, without
// a copy), so the case cannot drift from its log. Events are appended with [Store.AppendEvents], which fires them
// with procedure.Definition.Fire on the case rebuilt under a row lock,
// all or nothing; [Store.Advance] stores the outcomes the law applies by
// itself (视为受理 …); [Store.Import] loads a history in one transaction.
//
// [Store.Scan] is the electronic-supervision scan: every running clock of
// every open case as of an instant, with its yellow or red light.
// [Store.Report] builds the input of an accountability evaluation from
// the database ([Store.Input]), evaluates it with package accountability
// and gathers findings, sanctions and a unit ranking. Both read cases in
// batches, one query for the events of many cases, and replay them on
// several goroutines.
//
// The package is an example module of github.com/xiaoneng/xiaoneng, kept
// apart so that importers of the library never download a database
// driver. It owns the schema and its migrations (embedded SQL, the same
// statements for both databases, with a small dialect layer for the few
// differences); the rules belong to the library.
//
// # Opening a store
//
//   - [Open] with driver "sqlite" (a file name) or "pgx" (a PostgreSQL
//     DSN), and [Option]s: [WithDefinitions], [WithEvaluation],
//     [WithLadder], [WithScorecard], [WithPolicy], [WithBatch],
//     [WithWorkers].
//   - [Store.Migrate] brings the schema up to date; [Store.Close].
//
// # Roster
//
//   - [Store.PutUnit], [Store.Units], [Store.PutOfficer],
//     [Store.AddAbsence], [Store.Roster].
//
// # Cases
//
//   - [Store.CreateCase], [Store.AppendEvents], [Store.Advance],
//     [Store.Import].
//   - [Store.Case], [Store.Info], [Store.Record].
//   - [Store.AddRegisterEntry], [Store.AddExemption], [Store.PutInquiry].
//
// # Supervision
//
//   - [Store.Scan] returns a [Board] of [Signal]s.
//   - [Store.Input] and [Store.Report].
//
// # Errors
//
// Every error wraps one of the sentinels ([ErrUnavailable], [ErrClosed],
// [ErrSchema], [ErrInvalidInput], [ErrUnknownDefinition], [ErrNotFound],
// [ErrExists], [ErrRefused], [ErrCorrupt]) inside an [*Error] that names
// the operation, the case and the event; the causes from package
// procedure, accountability or the driver are wrapped too.
//
// # Times
//
// Instants are stored as nanoseconds since 1970 and read back in China
// Standard Time (deadline.ChinaStandardTime): a case read back is equal
// to the one written, instants compared with time.Time.Equal. Days are
// stored as YYYY-MM-DD in China Standard Time. The store accepts instants
// from 1900 to 2199.
package supervision
