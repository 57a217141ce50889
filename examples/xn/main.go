// Command xn is the reference command of xiaoneng (效能): statutory time
// limits on the national working-day calendar, calendars and their
// iCalendar export, case lifecycles, penalty discretion, efficiency
// accountability and service catalogues, from the shell and as an HTTP
// JSON service (xn serve).
//
//	go install github.com/xiaoneng/xiaoneng/examples/xn@latest
//	xn deadline add 2025-09-26 20      # 2025-10-30
//	xn help
//
// Exit codes: 0 success, 1 a finding, 2 bad input or usage, 3 internal
// error. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/xiaoneng/xiaoneng/examples/xn/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}
