package cli_test

import (
	"context"
	"fmt"
	"os"

	"github.com/xiaoneng/xiaoneng/examples/xn/cli"
)

// Run runs xn with injected arguments and streams: here the fixed contract
// for scripts, the 20th working day after Friday 26 September 2025,
// across the National Day break.
func ExampleRun() {
	code := cli.Run(context.Background(), []string{"deadline", "add", "2025-09-26", "20"}, cli.Env{Stdout: os.Stdout, Stderr: os.Stdout})
	fmt.Println("exit", code)
	// Output:
	// 2025-10-30
	// exit 0
}

// A date outside the calendar's coverage is bad input: exit 2, with a
// message naming the date and the coverage.
func ExampleRun_outOfCoverage() {
	code := cli.Run(context.Background(), []string{"deadline", "add", "2030-01-02", "5"}, cli.Env{Stdout: os.Stdout, Stderr: os.Stdout})
	fmt.Println("exit", code)
	// Output:
	// xn deadline add: 2030-01-02 is outside the coverage of the calendar cn-mainland, 2007-01-01 to 2026-12-31; the calendar never guesses: extend it on the weekly pattern explicitly (extend_through, --extend-through) for a provisional answer
	// exit 2
}

// Commands lists the subcommands.
func ExampleCommands() {
	fmt.Println(cli.Commands()[:3])
	// Output:
	// [deadline add deadline between deadline due]
}
