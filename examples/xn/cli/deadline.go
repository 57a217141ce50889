package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

var deadlineCommands = []command{
	{
		path: "deadline add", args: "DATE N", calendar: true,
		summary: "the N-th working day after DATE (before it, for a negative N)",
		detail: `Prints the date only, in ISO form, for scripts. The start day is not counted
(民法典 Art 201); make-up working days (调休上班) count. A date or a count outside the
calendar's coverage is an error (exit 2), never a Monday-to-Friday guess.`,
		examples: []string{
			"xn deadline add 2025-09-26 20            # 2025-10-30: 20 working days across National Day",
			"xn deadline add 2025-10-30 -20           # 2025-09-26",
			"xn deadline add 2026-12-20 30 --extend-through 2027-06-30   # provisional",
			"xn deadline add 2025-09-26 20 --calendar agency.ics --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 2, "DATE and N"); err != nil {
					return err
				}
				n, err := strconv.Atoi(args[1])
				if err != nil {
					return usagef("N: %q is not a whole number of working days", args[1])
				}
				res, err := r.svc.Add(api.AddRequest{Date: args[0], N: n, CalendarOptions: r.calOpts()})
				if err != nil {
					return err
				}
				if res.Provisional && !r.json {
					fmt.Fprintf(r.env.stderr(), "xn: note: %s is provisional: the count uses days past the published calendar, on the weekly pattern alone\n", res.Date)
				}
				return r.print(res, func(w io.Writer) { fmt.Fprintln(w, res.Date) })
			}
		},
	},
	{
		path: "deadline between", args: "FROM TO", calendar: true,
		summary: "the working days after FROM up to and including TO",
		examples: []string{
			"xn deadline between 2025-09-26 2025-10-30   # 20",
			"xn deadline between 2025-10-30 2025-09-26   # -20",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 2, "FROM and TO"); err != nil {
					return err
				}
				res, err := r.svc.Between(api.BetweenRequest{From: args[0], To: args[1], CalendarOptions: r.calOpts()})
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) {
					fmt.Fprintf(w, "%d 个工作日 working days from %s (not counted) to %s (counted) on %s\n", res.WorkingDays, res.From, res.To, res.Calendar.ID)
					writeCitations(w, res.Citations)
				})
			}
		},
	},
	{
		path: "deadline due", args: "START RULE|PERIOD", calendar: true,
		summary: "where a time limit or a period started on START ends",
		detail: `RULE is a reference time limit (xn deadline rules), e.g. licensing-decision.
PERIOD is N and a unit: 20wd (working days), 90d (days), 6m (months), 1y (years).
A period of days, months or years whose last day is a rest day ends on the next
working day (民法典 Art 203); --roll chooses: rest_days (default), holidays, none.`,
		examples: []string{
			"xn deadline due 2025-09-26 licensing-decision   # 2025-10-30 (行政许可法 Art 42, 82)",
			"xn deadline due 2025-07-04 penalty-decision     # 90 days, rolled off the National Day break",
			"xn deadline due 2025-01-31 1m --roll none",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			roll := fs.String("roll", "", "for a PERIOD: rest_days, holidays or none")
			return func(r *runner, args []string) error {
				if err := want(args, 2, "START and RULE or PERIOD"); err != nil {
					return err
				}
				req := api.DueRequest{Start: args[0], Roll: *roll, CalendarOptions: r.calOpts()}
				if p, ok := parsePeriod(args[1]); ok {
					req.Period = &p
				} else {
					req.Rule = args[1]
				}
				res, err := r.svc.Due(req)
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeDue(w, res) })
			}
		},
	},
	{
		path: "deadline status", args: "RULE START | --clock FILE", calendar: true,
		summary: "a legal clock's due date, days used and left, and warning light",
		detail: clockDetail + `
Exits 1 when the clock is past its limit (red light).`,
		examples: []string{
			"xn deadline status licensing-decision 2025-09-26 --as-of 2025-11-18 \\",
			"    --exclude 2025-10-13..2025-10-17:expert_review:专家评审 --extend 2025-11-03:10:局长:需组织现场核查",
			"xn deadline status --clock clock.json --as-of 2025-11-18 --json",
		},
		setup: clockSetup(false),
	},
	{
		path: "deadline explain", args: "RULE START | --clock FILE", calendar: true,
		summary: "a legal clock's count, day by day, with the provisions",
		detail: clockDetail + `
Exits 1 when the clock is past its limit (red light).`,
		examples: []string{
			"xn deadline explain licensing-decision 2025-09-26 --as-of 2025-11-18 \\",
			"    --exclude 2025-10-13..2025-10-17:expert_review --extend 2025-11-03:10:局长:需组织现场核查",
		},
		setup: clockSetup(true),
	},
	{
		path: "deadline rules", args: "",
		summary: "the reference time limits, with their periods and articles",
		examples: []string{
			"xn deadline rules",
			"xn deadline rules --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 0, ""); err != nil {
					return err
				}
				res := r.svc.Rules()
				return r.print(res, func(w io.Writer) {
					t := &table{}
					t.row("ID", "期限 Period", "名称 Name", "依据 Basis")
					for _, ru := range res.Rules {
						basis := ""
						if len(ru.Citations) > 0 {
							basis = ru.Citations[0].Text
						}
						t.row(ru.ID, ru.Period.Text, ru.Name, basis)
					}
					t.write(w)
				})
			}
		},
	},
}

const clockDetail = `The clock is a reference time limit (xn deadline rules) started on START, with
its ledger given by flags in date order, or a clock file as deadline.Clock writes
it (--clock). Ledger flags, each repeatable:
  --exclude FROM..TO:CAUSE[:REASON]   time not counted, both days included (e.g. Art 45)
  --suspend DATE:CAUSE[:REASON]       stop counting from DATE
  --resume DATE                       DATE is the last day not counted
  --restart DATE:CAUSE[:REASON]       count again from DATE (重新计算)
  --extend DATE:UNITS:APPROVER:REASON an extension (延长), approved on DATE
  --stop DATE[:REASON]                the clock stops (办结)
CAUSE is one of hearing, tender, auction, inspection, testing, quarantine,
appraisal, expert_review, correction, consultation, announcement, other.`

// ledgerFlag turns ledger flags into entries, in command-line order.
type ledgerFlag struct {
	kind    string
	entries *[]deadline.Entry
}

func (l ledgerFlag) String() string { return "" }

func (l ledgerFlag) Set(v string) error {
	es, err := parseLedger(l.kind, v)
	if err != nil {
		return err
	}
	*l.entries = append(*l.entries, es...)
	return nil
}

func parseLedger(kind, v string) ([]deadline.Entry, error) {
	day := func(s string) (deadline.Entry, error) {
		d, err := deadline.ParseDate(s)
		if err != nil {
			if e, ok := errors.AsType[*deadline.Error](err); ok {
				return deadline.Entry{}, errors.New(e.Detail)
			}
			return deadline.Entry{}, err
		}
		return deadline.Entry{On: d}, nil
	}
	cause := func(s string) (deadline.Cause, error) {
		var c deadline.Cause
		if err := c.UnmarshalText([]byte(s)); err != nil {
			return 0, fmt.Errorf("%q is not a cause (expert_review, hearing, testing …)", s)
		}
		return c, nil
	}
	switch kind {
	case "exclude":
		parts := strings.SplitN(v, ":", 3)
		from, to, ok := strings.Cut(parts[0], "..")
		if !ok || len(parts) < 2 {
			return nil, fmt.Errorf("want FROM..TO:CAUSE[:REASON], got %q", v)
		}
		s, err := day(from)
		if err != nil {
			return nil, err
		}
		e, err := day(to)
		if err != nil {
			return nil, err
		}
		c, err := cause(parts[1])
		if err != nil {
			return nil, err
		}
		s.Kind, s.Cause, e.Kind = deadline.EntrySuspend, c, deadline.EntryResume
		if len(parts) == 3 {
			s.Reason = parts[2]
		}
		return []deadline.Entry{s, e}, nil
	case "suspend", "restart":
		parts := strings.SplitN(v, ":", 3)
		if len(parts) < 2 {
			return nil, fmt.Errorf("want DATE:CAUSE[:REASON], got %q", v)
		}
		e, err := day(parts[0])
		if err != nil {
			return nil, err
		}
		if e.Cause, err = cause(parts[1]); err != nil {
			return nil, err
		}
		e.Kind = deadline.EntrySuspend
		if kind == "restart" {
			e.Kind = deadline.EntryRestart
		}
		if len(parts) == 3 {
			e.Reason = parts[2]
		}
		return []deadline.Entry{e}, nil
	case "resume":
		e, err := day(v)
		if err != nil {
			return nil, err
		}
		e.Kind = deadline.EntryResume
		return []deadline.Entry{e}, nil
	case "extend":
		parts := strings.SplitN(v, ":", 4)
		if len(parts) < 4 {
			return nil, fmt.Errorf("want DATE:UNITS:APPROVER:REASON, got %q", v)
		}
		e, err := day(parts[0])
		if err != nil {
			return nil, err
		}
		if e.Units, err = strconv.Atoi(parts[1]); err != nil {
			return nil, fmt.Errorf("%q is not a whole number of units", parts[1])
		}
		e.Kind, e.Approver, e.Reason = deadline.EntryExtend, parts[2], parts[3]
		return []deadline.Entry{e}, nil
	case "stop":
		d, reason, _ := strings.Cut(v, ":")
		e, err := day(d)
		if err != nil {
			return nil, err
		}
		e.Kind, e.Reason = deadline.EntryStop, reason
		return []deadline.Entry{e}, nil
	}
	return nil, fmt.Errorf("unknown ledger entry %q", kind)
}

func clockSetup(explain bool) func(fs *flag.FlagSet) func(*runner, []string) error {
	return func(fs *flag.FlagSet) func(*runner, []string) error {
		var entries []deadline.Entry
		asOf := fs.String("as-of", "", "read the clock as of `DATE` (default today, China Standard Time)")
		clockFile := fs.String("clock", "", "read the clock from `FILE` (deadline.Clock JSON), instead of RULE START and ledger flags")
		yellowRemaining := fs.Int("yellow-remaining", -2, "yellow light when at most `N` working days remain (default 1; -1 disables)")
		yellowUsed := fs.Int("yellow-used", -1, "yellow light when at least `PERCENT` of the limit is used (default 80; 0 disables)")
		for _, k := range []struct{ name, usage string }{
			{"exclude", "time not counted: `FROM..TO:CAUSE[:REASON]`"},
			{"suspend", "stop counting: `DATE:CAUSE[:REASON]`"},
			{"resume", "end a suspension: `DATE`, the last day not counted"},
			{"restart", "count again: `DATE:CAUSE[:REASON]`"},
			{"extend", "extension: `DATE:UNITS:APPROVER:REASON`"},
			{"stop", "the clock stops: `DATE[:REASON]`"},
		} {
			fs.Var(ledgerFlag{kind: k.name, entries: &entries}, k.name, k.usage)
		}
		return func(r *runner, args []string) error {
			req := api.ClockRequest{AsOf: *asOf, CalendarOptions: r.calOpts()}
			if req.AsOf == "" {
				req.AsOf = deadline.DateOf(r.env.now()).String()
			}
			if *yellowRemaining != -2 || *yellowUsed != -1 {
				p := deadline.DefaultPolicy()
				if *yellowRemaining != -2 {
					p.YellowRemaining = *yellowRemaining
				}
				if *yellowUsed != -1 {
					p.YellowUsedPercent = *yellowUsed
				}
				req.Policy = &p
			}
			if *clockFile != "" {
				if err := want(args, 0, ""); err != nil {
					return err
				}
				if len(entries) > 0 {
					return usagef("give ledger flags or --clock, not both")
				}
				data, err := r.readFile(*clockFile)
				if err != nil {
					return err
				}
				req.Clock = json.RawMessage(data)
			} else {
				if err := want(args, 2, "RULE and START (or --clock FILE)"); err != nil {
					return err
				}
				req.Rule, req.Start, req.Ledger = args[0], args[1], entries
			}
			var light string
			if explain {
				res, err := r.svc.Explain(req)
				if err != nil {
					return err
				}
				light = res.Status.Light
				if err := r.print(res, func(w io.Writer) { io.WriteString(w, res.Text) }); err != nil {
					return err
				}
			} else {
				res, err := r.svc.Status(req)
				if err != nil {
					return err
				}
				light = res.Light
				if err := r.print(res, func(w io.Writer) { writeStatus(w, res) }); err != nil {
					return err
				}
			}
			if light == deadline.LevelRed.String() {
				return errFinding
			}
			return nil
		}
	}
}

// parsePeriod reads a period such as 20wd, 90d, 6m or 1y.
func parsePeriod(s string) (api.Period, bool) {
	units := []struct{ suffix, unit string }{{"wd", "working_days"}, {"d", "days"}, {"m", "months"}, {"y", "years"}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			n, err := strconv.Atoi(num)
			if err != nil || num == "" || num[0] == '+' || num[0] == '-' {
				return api.Period{}, false
			}
			return api.Period{N: n, Unit: u.unit}, true
		}
	}
	return api.Period{}, false
}

func writeCitations(w io.Writer, cs []api.Citation) {
	if len(cs) == 0 {
		return
	}
	var zh, en []string
	for _, c := range cs {
		zh = append(zh, c.Text)
		en = append(en, c.TextEN)
	}
	fmt.Fprintf(w, "依据 Basis: %s\n           %s\n", strings.Join(zh, "；"), strings.Join(en, "; "))
}

func writeDue(w io.Writer, res api.DueResponse) {
	t := &table{}
	if res.Rule != nil {
		t.row("期限 Rule", fmt.Sprintf("%s %s (%s)", res.Rule.Name, res.Rule.NameEN, res.Rule.ID))
	}
	t.row("期间 Period", fmt.Sprintf("%s / %s", res.Period.Text, res.Period.TextEN))
	t.row("起算 Start", res.Start+"（当日不计入 / start day not counted）")
	t.row("届满 Due", res.Due+" "+weekday(res.Due))
	if res.Rolled {
		t.row("顺延 Rolled", fmt.Sprintf("%s is a rest day: the period ends on the next working day", res.Nominal))
	}
	if res.Provisional {
		t.row("注意 Note", "provisional: uses days past the published calendar")
	}
	t.write(w)
	writeCitations(w, res.Citations)
}

func weekday(iso string) string {
	d, err := deadline.ParseDate(iso)
	if err != nil {
		return ""
	}
	return d.Weekday().String()
}

func writeStatus(w io.Writer, res api.StatusResponse) {
	t := &table{}
	t.row("期限 Rule", fmt.Sprintf("%s %s (%s) — %s", res.Rule.Name, res.Rule.NameEN, res.Rule.ID, res.Rule.Period.Text))
	t.row("起算 Started", res.Started)
	due := res.Due
	if due == "" {
		due = "（中止中，待恢复 / paused: depends on when the count resumes）"
	}
	t.row("届满 Due", due)
	unit := map[string]string{"working_days": "个工作日 / working days", "days": "日 / days", "months": "日 / days", "years": "日 / days"}[res.Unit]
	limit := strconv.Itoa(res.Limit) + unit
	if res.Extended > 0 {
		limit += fmt.Sprintf("（含延长 %d / %d by extension）", res.Extended, res.Extended)
	}
	t.row("时限 Limit", limit)
	t.row("已用 Elapsed", strconv.Itoa(res.Elapsed))
	left := strconv.Itoa(res.Remaining)
	if res.Unit != "working_days" && res.WorkingDaysLeft != nil {
		// The light counts working days: say how many of these are.
		n, days := *res.WorkingDaysLeft, "working days"
		if n == 1 {
			days = "working day"
		}
		left += fmt.Sprintf("（其中 %d 个工作日 / %d %s）", n, n, days)
	}
	t.row("剩余 Remaining", left)
	t.row("超期 Overdue", strconv.Itoa(res.Overdue))
	state := "running 计时中"
	switch {
	case res.Stopped && res.Late:
		state = "stopped late on " + res.StoppedOn + " 逾期办结"
	case res.Stopped:
		state = "stopped in time on " + res.StoppedOn + " 按时办结"
	case res.Paused:
		state = "paused 中止"
	}
	t.row("状态 State", state)
	t.row("预警 Light", res.LightZH+" "+res.Light+" (as of "+res.AsOf+")")
	if res.Provisional {
		t.row("注意 Note", "provisional: uses days past the published calendar")
	}
	t.write(w)
	writeCitations(w, res.Citations)
}
