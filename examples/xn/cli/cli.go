package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

// Exit codes. Scripts branch on them; they never change.
const (
	// ExitOK: the command succeeded and found nothing to report.
	ExitOK = 0
	// ExitFinding: the command succeeded and found something: a decision
	// outside its discretion band, accountability findings, a clock past
	// its limit (red light), a file that is not valid.
	ExitFinding = 1
	// ExitUsage: bad input or usage: an unknown command or flag, a
	// malformed date or file, an unknown rule, procedure or standard, a
	// date outside the calendar's coverage, an event the procedure does
	// not allow.
	ExitUsage = 2
	// ExitInternal: an internal error, a fault of the program.
	ExitInternal = 3
)

// Env is what a run of the command sees of the world. The zero value
// reads nothing, writes nowhere and takes the time from the system clock.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Now returns the current time, for defaults such as an event's
	// instant; nil means time.Now.
	Now func() time.Time
	// Serve, when set, replaces the HTTP server that `xn serve` starts,
	// for tests.
	Serve func(ctx context.Context, o ServeOptions) error
}

func (e Env) stdin() io.Reader {
	if e.Stdin == nil {
		return strings.NewReader("")
	}
	return e.Stdin
}

func (e Env) stdout() io.Writer {
	if e.Stdout == nil {
		return io.Discard
	}
	return e.Stdout
}

func (e Env) stderr() io.Writer {
	if e.Stderr == nil {
		return io.Discard
	}
	return e.Stderr
}

func (e Env) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

// errFinding is returned by a command that printed its result and found
// something: the exit code is ExitFinding.
var errFinding = errors.New("finding")

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// runner carries one run of a command.
type runner struct {
	ctx  context.Context
	env  Env
	cmd  *command
	fs   *flag.FlagSet
	json bool
	// calendar flags, for commands that count days
	calendarFile string
	extend       string
	// procedure flags, for commands that build definitions
	close, night       string
	deferred, holidays bool
	proc               api.ProcedureOptions // what they set
	svc                *api.Service
}

// command is one subcommand.
type command struct {
	path     string // e.g. "deadline add"
	args     string // e.g. "DATE N"
	summary  string
	detail   string
	examples []string
	// calendar says whether the command takes --calendar and
	// --extend-through.
	calendar bool
	// procedure says whether the command builds procedure definitions,
	// and takes --close, --defer, --night and --holidays-only.
	procedure bool
	// setup registers the command's own flags and returns its body.
	setup func(fs *flag.FlagSet) func(r *runner, args []string) error
}

// Run runs the xn command with the arguments (without the program name)
// and returns the exit code. It never panics: an internal fault is
// reported in one line, without a stack trace, with ExitInternal.
func Run(ctx context.Context, args []string, env Env) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(env.stderr(), "xn: internal error: %v\n", p)
			code = ExitInternal
		}
	}()
	if len(args) == 0 {
		writeOverview(env.stderr())
		return ExitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) == 1 {
			writeOverview(env.stdout())
			return ExitOK
		}
		return Run(ctx, append(args[1:], "--help"), env)
	case "version", "--version":
		fmt.Fprintln(env.stdout(), version())
		return ExitOK
	}
	cmd, rest := find(args)
	if cmd == nil {
		group := args[0]
		if subs := groupCommands(group); len(subs) > 0 {
			if len(args) == 1 || isHelp(args[1]) {
				w, code := env.stderr(), ExitUsage
				if len(args) > 1 {
					w, code = env.stdout(), ExitOK
				}
				writeGroup(w, group, subs)
				return code
			}
			fmt.Fprintf(env.stderr(), "xn: unknown command %q; the %s commands are %s\n", group+" "+args[1], group, strings.Join(names(subs), ", "))
			return ExitUsage
		}
		fmt.Fprintf(env.stderr(), "xn: unknown command %q; run `xn help`\n", args[0])
		return ExitUsage
	}
	r := &runner{ctx: ctx, env: env, cmd: cmd}
	r.fs = flag.NewFlagSet("xn "+cmd.path, flag.ContinueOnError)
	r.fs.SetOutput(io.Discard)
	r.fs.BoolVar(&r.json, "json", false, "print the result as JSON, as the HTTP service answers")
	if cmd.calendar {
		r.fs.StringVar(&r.calendarFile, "calendar", "", "count on the calendar in `FILE` (JSON, or iCalendar .ics) instead of the national one")
		r.fs.StringVar(&r.extend, "extend-through", "", "extend the calendar on the weekly pattern through `DATE`; results that use it are provisional")
	}
	if cmd.procedure {
		r.fs.StringVar(&r.close, "close", "", "the office closes at `HH:MM`: a due day ends then, not at 24:00")
		r.fs.BoolVar(&r.deferred, "defer", false, "a filing at or after closing time, or on a rest day, counts from the next working day")
		r.fs.StringVar(&r.night, "night", "", "the night, when no enforcement is carried out, is `FROM-TO` (HH:MM-HH:MM; default 22:00-06:00; 00:00-00:00 for none)")
		r.fs.BoolVar(&r.holidays, "holidays-only", false, "only the statutory holidays, not weekends, bar enforcement")
	}
	body := cmd.setup(r.fs)
	pos, err := parseArgs(r.fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		writeHelp(env.stdout(), cmd, r.fs)
		return ExitOK
	}
	if err != nil {
		msg := strings.NewReplacer("flag -", "flag --", "defined: -", "defined: --").Replace(err.Error())
		fmt.Fprintf(env.stderr(), "xn %s: %s\nusage: xn %s [flags] %s (see xn %s --help)\n", cmd.path, msg, cmd.path, cmd.args, cmd.path)
		return ExitUsage
	}
	if err := r.setupService(); err != nil {
		return r.fail(err)
	}
	if cmd.procedure {
		if r.proc, err = r.procOpts(); err != nil {
			return r.fail(err)
		}
	}
	return r.fail(body(r, pos))
}

// fail reports err and returns the exit code for it.
func (r *runner) fail(err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, errFinding) {
		return ExitFinding
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(r.env.stderr(), "xn %s: %s\nusage: xn %s [flags] %s (see xn %s --help)\n", r.cmd.path, ue.msg, r.cmd.path, r.cmd.args, r.cmd.path)
		return ExitUsage
	}
	ae := api.AsError(err)
	if r.json {
		b, _ := json.MarshalIndent(map[string]*api.Error{"error": ae}, "", "  ")
		fmt.Fprintf(r.env.stderr(), "%s\n", b)
	} else {
		fmt.Fprintf(r.env.stderr(), "xn %s: %s\n", r.cmd.path, ae.Message)
		if len(ae.Problems) > 1 {
			for _, p := range ae.Problems {
				fmt.Fprintf(r.env.stderr(), "  - %s\n", p.Message)
			}
		}
	}
	if ae.Code == api.CodeInternal {
		return ExitInternal
	}
	return ExitUsage
}

// setupService loads the calendar the flags name.
func (r *runner) setupService() error {
	r.svc = &api.Service{}
	if r.calendarFile != "" {
		data, err := r.readFile(r.calendarFile)
		if err != nil {
			return err
		}
		cal, err := api.LoadCalendar(r.calendarFile, data)
		if err != nil {
			ae := api.AsError(err)
			ae.Message = r.calendarFile + ": " + ae.Message
			return ae
		}
		r.svc.Calendar = cal
	}
	return nil
}

// calOpts are the calendar options of a request: the calendar is the
// service's, set from --calendar, and the extension from
// --extend-through.
func (r *runner) calOpts() api.CalendarOptions {
	return api.CalendarOptions{ExtendThrough: r.extend}
}

// procOpts are the procedure options of a request, from --close,
// --defer, --night and --holidays-only.
func (r *runner) procOpts() (api.ProcedureOptions, error) {
	var o api.ProcedureOptions
	if _, err := api.ParseTimeOfDay("--close", r.close, true); err != nil {
		return o, err
	}
	if r.close != "" || r.deferred {
		o.OfficeHours = &api.OfficeHours{Close: r.close, Defer: r.deferred}
	}
	if r.night != "" || r.holidays {
		o.RestTime = &api.RestTime{HolidaysOnly: r.holidays}
		if r.night != "" {
			from, to, ok := strings.Cut(r.night, "-")
			if !ok || from == "" || to == "" {
				return o, usagef("--night: want FROM-TO, e.g. 22:00-06:00, got %q", r.night)
			}
			for _, b := range []string{from, to} {
				if _, err := api.ParseTimeOfDay("--night", b, false); err != nil {
					return o, err
				}
			}
			o.RestTime.NightFrom, o.RestTime.NightTo = from, to
		}
	}
	return o, nil
}

// readFile reads a file named on the command line; "-" is standard input.
func (r *runner) readFile(name string) ([]byte, error) {
	var (
		data []byte
		err  error
	)
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(r.env.stdin(), api.MaxDocumentBytes+1))
	} else {
		var f *os.File
		f, err = os.Open(name)
		if err == nil {
			defer f.Close()
			data, err = io.ReadAll(io.LimitReader(f, api.MaxDocumentBytes+1))
		}
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, api.Errorf(api.CodeBadRequest, "cannot read %s: %v", name, err)
	}
	if len(data) > api.MaxDocumentBytes {
		return nil, api.Errorf(api.CodeRequestTooLarge, "%s is larger than %d bytes", name, api.MaxDocumentBytes)
	}
	return data, nil
}

// readJSON reads a JSON file named on the command line into v, strictly.
func (r *runner) readJSON(name string, v any) error {
	data, err := r.readFile(name)
	if err != nil {
		return err
	}
	if err := api.Unmarshal(data, v); err != nil {
		ae := api.AsError(err)
		ae.Message = name + ": " + ae.Message
		return ae
	}
	return nil
}

// print writes the result: as JSON with --json, else as human text.
func (r *runner) print(v any, human func(w io.Writer)) error {
	if r.json {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(r.env.stdout(), "%s\n", b)
		return err
	}
	human(r.env.stdout())
	return nil
}

// parseArgs parses flags anywhere among the arguments, as users type
// them (xn deadline add 2025-09-26 20 --json), and returns the
// positional arguments. A negative number is an argument, not a flag;
// everything after "--" is an argument.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(pos, args[i+1:]...), nil
		case a == "-" || !strings.HasPrefix(a, "-") || isNumber(a):
			pos = append(pos, a)
			continue
		}
		chunk := []string{a}
		if needsValue(fs, a) && i+1 < len(args) {
			chunk = append(chunk, args[i+1])
			i++
		}
		if err := fs.Parse(chunk); err != nil {
			return nil, err
		}
	}
	return pos, nil
}

// needsValue reports whether arg is a flag that takes a value in the next
// argument (--as-of 2025-01-01, not --as-of=… or a boolean).
func needsValue(fs *flag.FlagSet, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return false
	}
	return true
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func isHelp(a string) bool { return a == "-h" || a == "-help" || a == "--help" || a == "help" }

// find returns the command the arguments name, and the arguments after
// its name.
func find(args []string) (*command, []string) {
	for i := range commands {
		c := &commands[i]
		words := strings.Fields(c.path)
		if len(args) >= len(words) && slices.Equal(args[:len(words)], words) {
			return c, args[len(words):]
		}
	}
	return nil, nil
}

func groupCommands(group string) []*command {
	var out []*command
	for i := range commands {
		if strings.HasPrefix(commands[i].path, group+" ") {
			out = append(out, &commands[i])
		}
	}
	return out
}

func names(cs []*command) []string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.Fields(c.path)[1])
	}
	return out
}

func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return "xn " + v + " — xiaoneng (效能) reference command; calendar cn-mainland " + coverage()
}

func coverage() string {
	from, to := deadline.ChinaMainland().Coverage()
	return from.String() + " to " + to.String()
}

const exitCodes = `Exit codes:
  0  success
  1  a finding: a decision outside its band, accountability findings,
     a clock past its limit (red light), a file that is not valid
  2  bad input or usage: unknown command or flag, malformed date or file,
     unknown rule, procedure or standard, a date outside the calendar's
     coverage, an event the procedure does not allow
  3  internal error`

func writeOverview(w io.Writer) {
	fmt.Fprintln(w, "xn — Chinese administrative-procedure rules from the command line (效能 xiaoneng)")
	fmt.Fprintln(w, "\nUsage: xn COMMAND [flags] [arguments]   (xn COMMAND --help for each)")
	fmt.Fprintln(w, "\nCommands:")
	t := &table{indent: "  "}
	for _, c := range commands {
		t.row(c.path, c.summary)
	}
	t.write(w)
	fmt.Fprintln(w, "\nEvery command takes --json (print JSON, as the HTTP service answers) and --help.")
	fmt.Fprintln(w, "Days are counted on the national calendar cn-mainland, "+coverage()+", unless --calendar FILE.")
	fmt.Fprintln(w, "\n"+exitCodes)
}

func writeGroup(w io.Writer, group string, cs []*command) {
	fmt.Fprintf(w, "xn %s: commands\n\n", group)
	t := &table{indent: "  "}
	for _, c := range cs {
		t.row("xn "+c.path+" "+c.args, c.summary)
	}
	t.write(w)
	fmt.Fprintf(w, "\nRun xn %s COMMAND --help for flags and examples.\n", group)
}

func writeHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "xn %s — %s\n\nUsage: xn %s [flags] %s\n", c.path, c.summary, c.path, c.args)
	if c.detail != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.detail))
	}
	fmt.Fprintln(w, "\nFlags:")
	t := &table{indent: "  "}
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		left := "--" + f.Name
		if name != "" {
			left += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			usage += " (default " + f.DefValue + ")"
		}
		t.row(left, usage)
	})
	t.row("--help", "print this help")
	t.write(w)
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nExamples:")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	fmt.Fprintln(w, "\n"+exitCodes)
}

// listFlag collects a flag given several times, or as a comma-separated
// list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// repeatFlag collects a flag given several times, keeping commas.
type repeatFlag []string

func (l *repeatFlag) String() string { return strings.Join(*l, " ") }

func (l *repeatFlag) Set(v string) error { *l = append(*l, v); return nil }

// want checks the number of positional arguments.
func want(args []string, n int, names string) error {
	if len(args) != n {
		if len(args) < n {
			return usagef("missing %s", names)
		}
		return usagef("unexpected argument %q", args[n])
	}
	return nil
}
