// Package cli is the xn command: subcommands for time limits (deadline),
// calendars (calendar), case lifecycles (case), penalty discretion
// (discretion), efficiency accountability (accountability) and service
// catalogues (catalogue), and the HTTP service (serve).
//
// Run takes the arguments, standard streams and clock through Env and
// returns the exit code, so that every subcommand is tested end to end
// without a process. Every subcommand prints a table for people by
// default and, with --json, the JSON the HTTP service answers for the
// same operation (package api); every subcommand answers --help with its
// usage and examples.
//
// Exit codes are a contract: ExitOK (0), ExitFinding (1: a decision
// outside its band, accountability findings, a red light, an invalid
// file), ExitUsage (2: bad input or usage, including a date outside the
// calendar's coverage) and ExitInternal (3). Errors are one line on
// standard error (a JSON error object with --json), never a stack trace.
//
// The package holds no rules: it parses arguments into requests of
// package api and renders the responses.
package cli
