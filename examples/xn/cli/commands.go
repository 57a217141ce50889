package cli

import (
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// commands are the subcommands, in the order help lists them.
var commands = concat(deadlineCommands, calendarCommands, caseCommands, discretionCommands,
	accountabilityCommands, catalogueCommands, serveCommands)

func concat(groups ...[]command) []command {
	var out []command
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func dateOf(t time.Time) string { return deadline.DateOf(t).String() }

// Commands returns the paths of the subcommands, e.g. "deadline add", in
// the order help lists them.
func Commands() []string {
	out := make([]string, len(commands))
	for i, c := range commands {
		out[i] = c.path
	}
	return out
}
