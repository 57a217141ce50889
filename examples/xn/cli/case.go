package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/procedure"
)

const caseFileDetail = `CASEFILE is a case as the library stores it (procedure.Case JSON), or the output
of another case command with --json; "-" reads standard input, so commands chain:
  xn case start licensing --id XK-1 --json | xn case fire - receive --at 2025-09-25T10:00 --json`

var caseCommands = []command{
	{
		path: "case procedures", args: "",
		summary:  "the reference procedures, with their states and clocks",
		examples: []string{"xn case procedures", "xn case procedures --json"},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 0, ""); err != nil {
					return err
				}
				res, err := r.svc.Procedures()
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) {
					t := &table{}
					t.row("名称 Name", "程序 Procedure", "状态 States", "时限 Clocks", "依据 Basis")
					for _, p := range res.Procedures {
						var clocks []string
						for _, c := range p.Clocks {
							clocks = append(clocks, c.Name)
						}
						basis := ""
						if len(p.Basis) > 0 {
							basis = p.Basis[0].Text
						}
						t.row(p.Name, p.Title+" "+p.TitleEN, strconv.Itoa(len(p.States)), strings.Join(clocks, ", "), basis)
					}
					t.write(w)
				})
			}
		},
	},
	{
		path: "case start", args: "PROCEDURE --id ID", calendar: true, procedure: true,
		summary: "a new case of a procedure, in its initial state",
		detail:  `PROCEDURE is a reference procedure (xn case procedures), or give --definition FILE.`,
		examples: []string{
			"xn case start licensing --id XK-2025-001",
			"xn case start licensing --id XK-2025-001 --json > case.json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			id := fs.String("id", "", "the case's `ID` (required)")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				req := api.StartRequest{ID: *id, CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				var err error
				if req.Procedure, req.Definition, err = r.procedureArgs(args, *def); err != nil {
					return err
				}
				res, err := r.svc.Start(req)
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeCase(w, res) })
			}
		},
	},
	{
		path: "case fire", args: "CASEFILE TRIGGER", calendar: true, procedure: true,
		summary: "fire an event on a case; an event the procedure does not allow is refused",
		detail:  caseFileDetail,
		examples: []string{
			"xn case fire case.json receive --at 2025-09-25T10:00 --officer 王敏 --unit 审批局 --payload voucher=收件001 --json > case2.json",
			"xn case fire case2.json accept --at 2025-09-26T10:00 --officer 王敏 --unit 审批局",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			at := fs.String("at", "", "the event's `INSTANT`: RFC 3339, or YYYY-MM-DDTHH:MM in China Standard Time (default now)")
			officer := fs.String("officer", "", "the officer who acted")
			unit := fs.String("unit", "", "the officer's unit")
			reason := fs.String("reason", "", "why, in words")
			var payload repeatFlag
			fs.Var(&payload, "payload", "a payload entry `KEY=VALUE` (repeatable), e.g. voucher=收件001, cause=expert_review")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				c, definition, err := r.caseFiles(args, 2, "CASEFILE and TRIGGER", *def)
				if err != nil {
					return err
				}
				e := procedure.Event{Trigger: procedure.Trigger(args[1]), Actor: procedure.Actor{Officer: *officer, Unit: *unit}, Reason: *reason}
				if e.At, err = parseAt(*at, r.env.now()); err != nil {
					return err
				}
				for _, kv := range payload {
					k, v, ok := strings.Cut(kv, "=")
					if !ok || k == "" {
						return usagef("--payload: want KEY=VALUE, got %q", kv)
					}
					if e.Payload == nil {
						e.Payload = map[string]string{}
					}
					e.Payload[k] = v
				}
				req := api.FireRequest{Case: c, Definition: definition, Event: e, CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				res, err := r.svc.Fire(r.ctx, req)
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeCase(w, res) })
			}
		},
	},
	{
		path: "case replay", args: "EVENTFILE", calendar: true, procedure: true,
		summary: "rebuild a case from its stored events",
		detail: `EVENTFILE is a JSON list of events (procedure.Event), with --procedure and --id;
or a stored case (procedure.Case JSON), whose events are replayed on its procedure.
The error names the first event refused.`,
		examples: []string{
			"xn case replay events.json --procedure licensing --id XK-2025-001",
			"xn case replay case.json --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			proc := fs.String("procedure", "", "the `PROCEDURE` of a list of events")
			id := fs.String("id", "", "the case's `ID`, for a list of events")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				if err := want(args, 1, "EVENTFILE"); err != nil {
					return err
				}
				data, err := r.readFile(args[0])
				if err != nil {
					return err
				}
				req := api.ReplayRequest{Procedure: *proc, ID: *id, CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
					if err := api.Unmarshal(data, &req.Events); err != nil {
						return prefix(args[0], err)
					}
				} else {
					raw, err := unwrapCase(data)
					if err != nil {
						return prefix(args[0], err)
					}
					var c procedure.Case
					if err := api.Unmarshal(raw, &c); err != nil {
						return prefix(args[0], err)
					}
					req.Events = c.Events
					if req.Procedure == "" {
						req.Procedure = c.Definition
					}
					if req.ID == "" {
						req.ID = c.ID
					}
				}
				if req.Definition, err = r.optionalFile(*def); err != nil {
					return err
				}
				res, err := r.svc.Replay(r.ctx, req)
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeCase(w, res) })
			}
		},
	},
	{
		path: "case due", args: "CASEFILE", calendar: true, procedure: true,
		summary: "a case's running clocks and warning lights (electronic supervision)",
		detail: caseFileDetail + `
Exits 1 when a limit of the agency has passed (red light).`,
		examples: []string{
			"xn case due case.json --as-of 2025-11-19",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			asOf := fs.String("as-of", "", "read the clocks as of `DATE` (default today)")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				c, definition, err := r.caseFiles(args, 1, "CASEFILE", *def)
				if err != nil {
					return err
				}
				req := api.CaseDueRequest{Case: c, Definition: definition, AsOf: *asOf, CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				if req.AsOf == "" {
					req.AsOf = deadline.DateOf(r.env.now()).String()
				}
				res, err := r.svc.CaseDue(req)
				if err != nil {
					return err
				}
				if err := r.print(res, func(w io.Writer) {
					fmt.Fprintf(w, "案件 Case %s (%s) · %s %s / %s · as of %s\n", res.Case, res.Procedure, res.State.ID, res.State.Name, res.State.NameEN, res.AsOf)
					writeClocks(w, res.Clocks)
					fmt.Fprintf(w, "红灯 red %d · 黄灯 yellow %d\n", res.Red, res.Yellow)
				}); err != nil {
					return err
				}
				if res.Red > 0 {
					return errFinding
				}
				return nil
			}
		},
	},
	{
		path: "case advance", args: "CASEFILE", calendar: true, procedure: true,
		summary: "apply the outcomes the law attaches to clocks that ran out (视为受理 …)",
		detail:  caseFileDetail,
		examples: []string{
			"xn case advance case.json --as-of 2025-10-10 --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			asOf := fs.String("as-of", "", "advance to `DATE` (its end, China Standard Time) or an RFC 3339 instant (default now)")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				c, definition, err := r.caseFiles(args, 1, "CASEFILE", *def)
				if err != nil {
					return err
				}
				req := api.AdvanceRequest{Case: c, Definition: definition, AsOf: *asOf, CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				if req.AsOf == "" {
					req.AsOf = r.env.now().Format(time.RFC3339)
				}
				res, err := r.svc.Advance(r.ctx, req)
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) {
					if len(res.Fired) == 0 {
						fmt.Fprintln(w, "无自动结果 No automatic outcome is due.")
					}
					for _, e := range res.Fired {
						fmt.Fprintf(w, "依法自动 By operation of law: %s at %s → %s\n", e.Trigger, e.At.In(deadline.ChinaStandardTime()).Format("2006-01-02 15:04"), e.To)
					}
					writeCase(w, res)
				})
			}
		},
	},
	{
		path: "case next", args: "CASEFILE", calendar: true, procedure: true,
		summary: "the steps open on a case at an instant, and what blocks the others",
		detail: caseFileDetail + `
Each step out of the case's state is listed with the guards the case and the
instant decide that block it, and those its event must satisfy. The automatic
outcomes are left out (xn case advance applies them); an instant after one took
effect is refused: advance the case first.`,
		examples: []string{
			"xn case next case2.json --at 2025-09-26T09:00",
			"xn case next case2.json --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			at := fs.String("at", "", "read the case at `INSTANT`, as case fire reads it: RFC 3339, or YYYY-MM-DDTHH:MM in China Standard Time (default now)")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				c, definition, err := r.caseFiles(args, 1, "CASEFILE", *def)
				if err != nil {
					return err
				}
				t, err := parseAt(*at, r.env.now())
				if err != nil {
					return err
				}
				req := api.CaseNextRequest{Case: c, Definition: definition, At: t.Format(time.RFC3339Nano), CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				res, err := r.svc.CaseNext(req)
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeNext(w, res) })
			}
		},
	},
	{
		path: "case diagram", args: "PROCEDURE",
		summary: "a procedure's state diagram, Graphviz DOT or Mermaid",
		examples: []string{
			"xn case diagram licensing | dot -Tsvg > licensing.svg",
			"xn case diagram complaint --format mermaid",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			format := fs.String("format", "dot", "dot or mermaid")
			def := definitionFlag(fs)
			return func(r *runner, args []string) error {
				req := api.DiagramRequest{Format: *format}
				var err error
				if req.Procedure, req.Definition, err = r.procedureArgs(args, *def); err != nil {
					return err
				}
				text, _, err := r.svc.Diagram(req)
				if err != nil {
					return err
				}
				return r.print(map[string]string{"procedure": req.Procedure, "format": *format, "diagram": text}, func(w io.Writer) { io.WriteString(w, text) })
			}
		},
	},
}

func definitionFlag(fs *flag.FlagSet) *string {
	return fs.String("definition", "", "a procedure definition of your own in `FILE` (JSON), instead of a reference one")
}

// optionalFile reads a file if one is named.
// procedureArgs reads the procedure a command names: a reference
// procedure as its one argument, or a definition file (--definition), or
// both (the file must then define the procedure named).
func (r *runner) procedureArgs(args []string, def string) (string, json.RawMessage, error) {
	if len(args) > 1 {
		return "", nil, usagef("unexpected argument %q", args[1])
	}
	if len(args) == 0 && def == "" {
		return "", nil, usagef("missing PROCEDURE")
	}
	var name string
	if len(args) == 1 {
		name = args[0]
	}
	definition, err := r.optionalFile(def)
	return name, definition, err
}

// caseFiles checks that a command has its n arguments (names, for the
// error), the first a case file, and reads the case and the optional
// definition file (--definition) it runs on.
func (r *runner) caseFiles(args []string, n int, names, def string) (c, definition json.RawMessage, err error) {
	if err := want(args, n, names); err != nil {
		return nil, nil, err
	}
	if c, err = r.readCaseFile(args[0]); err != nil {
		return nil, nil, err
	}
	if definition, err = r.optionalFile(def); err != nil {
		return nil, nil, err
	}
	return c, definition, nil
}

func (r *runner) optionalFile(name string) (json.RawMessage, error) {
	if name == "" {
		return nil, nil
	}
	data, err := r.readFile(name)
	if err != nil {
		return nil, err
	}
	return json.RawMessage(data), nil
}

// readCaseFile reads a case, or the output of a case command.
func (r *runner) readCaseFile(name string) (json.RawMessage, error) {
	data, err := r.readFile(name)
	if err != nil {
		return nil, err
	}
	raw, err := unwrapCase(data)
	if err != nil {
		return nil, prefix(name, err)
	}
	return raw, nil
}

// unwrapCase returns the case of a case command's JSON output, or the
// data itself when it is a case.
func unwrapCase(data []byte) (json.RawMessage, error) {
	var top map[string]json.RawMessage
	if err := api.Unmarshal(data, &top); err != nil {
		return nil, err
	}
	if c, ok := top["case"]; ok {
		if _, isCase := top["definition"]; !isCase {
			return c, nil
		}
	}
	return data, nil
}

func prefix(name string, err error) error {
	ae := api.AsError(err)
	ae.Message = name + ": " + ae.Message
	return ae
}

// parseAt reads an event's instant: RFC 3339, or a civil time in China
// Standard Time; empty is now.
func parseAt(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return now, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, deadline.ChinaStandardTime()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, api.Errorf(api.CodeInvalidDate, "--at: %q is not an instant (RFC 3339, or YYYY-MM-DDTHH:MM in China Standard Time)", s)
}

func writeCase(w io.Writer, res api.CaseResponse) {
	c := res.Case
	fmt.Fprintf(w, "案件 Case %s · %s %s\n", c.ID, c.Definition, c.Version)
	term := ""
	if res.State.Terminal {
		term = "（终结 / terminal）"
	}
	fmt.Fprintf(w, "状态 State: %s %s / %s%s\n", res.State.ID, res.State.Name, res.State.NameEN, term)
	if n := len(c.Events); n > 0 {
		e := c.Events[n-1]
		by := e.Actor.Officer
		if e.Actor.Unit != "" {
			by += " (" + e.Actor.Unit + ")"
		}
		if e.Auto {
			by = "operation of law 依法自动"
		}
		fmt.Fprintf(w, "事件 Events: %d; last %s at %s by %s\n", n, e.Trigger, e.At.In(deadline.ChinaStandardTime()).Format("2006-01-02 15:04"), by)
	}
	if len(res.Clocks) > 0 {
		fmt.Fprintf(w, "时限 Clocks as of %s:\n", res.AsOf)
		writeClocks(w, res.Clocks)
	}
	if len(res.Next) > 0 {
		fmt.Fprintln(w, "下一步 Next:")
		t := &table{indent: "  "}
		for _, s := range res.Next {
			t.row(s.Trigger, "→ "+s.To, s.Name, s.Citation.Text)
		}
		t.write(w)
	}
}

// writeNext writes the steps out of a case's state: each open one or
// blocked, with the guards that block it and those its event must
// satisfy below it.
func writeNext(w io.Writer, res api.CaseNextResponse) {
	at := res.At
	if t, err := time.Parse(time.RFC3339, res.At); err == nil {
		at = t.In(deadline.ChinaStandardTime()).Format("2006-01-02 15:04")
	}
	fmt.Fprintf(w, "案件 Case %s (%s) · %s %s / %s · at %s\n", res.Case, res.Procedure, res.State.ID, res.State.Name, res.State.NameEN, at)
	if len(res.Steps) == 0 {
		if res.State.Terminal {
			fmt.Fprintln(w, "  (终结 terminal: no step)")
		} else {
			fmt.Fprintln(w, "  (no step)")
		}
		return
	}
	t := &table{indent: "  "}
	open := 0
	for _, s := range res.Steps {
		mark := "受阻 blocked"
		if s.Open {
			mark = "可办 open"
			open++
		}
		t.row(mark, s.Trigger, "→ "+s.To, s.Citation.Text, s.Name+" / "+s.NameEN)
		// One cell: the table does not measure it.
		for _, g := range s.Blocked {
			t.row("    受阻于 blocked by: " + g)
		}
		for _, g := range s.Needs {
			t.row("    须满足 needs: " + g)
		}
	}
	t.write(w)
	fmt.Fprintf(w, "可办 open %d · 受阻 blocked %d\n", open, len(res.Steps)-open)
}

func writeClocks(w io.Writer, cs []api.ClockStatus) {
	if len(cs) == 0 {
		fmt.Fprintln(w, "  (no running clock)")
		return
	}
	t := &table{indent: "  "}
	for _, c := range cs {
		due := "paused 中止"
		if c.Due != "" {
			due = "due " + c.Due
		}
		light := c.LightZH + " " + c.Light
		switch c.Role {
		case "party":
			light = "当事人期限 party's period"
		case "minimum":
			light = "最短期间 minimum period"
		}
		left := fmt.Sprintf("%d left", c.Remaining)
		if c.Rule.Period.Unit != "working_days" && c.WorkingDaysLeft != nil {
			// The light counts working days: say how many of these are.
			left += fmt.Sprintf("（工作日 %d working）", *c.WorkingDaysLeft)
		}
		t.row(c.Name, due, fmt.Sprintf("%d/%d used", c.Elapsed, c.Limit), left, fmt.Sprintf("%d overdue", c.Overdue), light, c.Citation.Text)
	}
	t.write(w)
}
