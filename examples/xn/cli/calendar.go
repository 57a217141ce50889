package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

var calendarCommands = []command{
	{
		path: "calendar show", args: "YEAR", calendar: true,
		summary: "a year of the calendar: working days per month, holidays and make-up days",
		examples: []string{
			"xn calendar show 2025",
			"xn calendar show 2025 --all --json",
			"xn calendar show 2025 --calendar region.json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			all := fs.Bool("all", false, "list every day, not only holidays and make-up working days")
			return func(r *runner, args []string) error {
				if err := want(args, 1, "YEAR"); err != nil {
					return err
				}
				y, err := strconv.Atoi(args[0])
				if err != nil {
					return usagef("YEAR: %q is not a year", args[0])
				}
				res, err := r.svc.Show(api.ShowRequest{Year: y, All: *all, CalendarOptions: r.calOpts()})
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeShow(w, res) })
			}
		},
	},
	{
		path: "calendar validate", args: "FILE",
		summary: "check a calendar file (JSON or iCalendar .ics) and report every problem",
		detail:  `Exits 0 when the file is a valid calendar, 1 when it is not (every problem is listed), 2 when it cannot be read.`,
		examples: []string{
			"xn calendar validate agency.json",
			"xn calendar validate holidays.ics --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 1, "FILE"); err != nil {
					return err
				}
				data, err := r.readFile(args[0])
				if err != nil {
					return err
				}
				res, err := r.svc.ValidateCalendar(args[0], data)
				if err != nil {
					return err
				}
				if err := r.print(res, func(w io.Writer) {
					if !res.Valid {
						writeProblems(w, args[0], res.Problems)
						return
					}
					c := res.Calendar
					fmt.Fprintf(w, "%s: valid calendar %s (%s %s), %s to %s\n", args[0], c.Calendar.ID, c.Calendar.Name, c.Calendar.NameEN, c.Calendar.From, c.Calendar.To)
					fmt.Fprintf(w, "  %d holidays, %d holiday days, %d make-up working days, %d working days; weekly rest days %v\n",
						c.Holidays, c.HolidayDays, c.MakeUpDays, c.WorkingDays, c.Weekend)
				}); err != nil {
					return err
				}
				if !res.Valid {
					return errFinding
				}
				return nil
			}
		},
	},
	{
		path: "calendar export", args: "", calendar: true,
		summary: "write the calendar as JSON or iCalendar",
		detail: `iCalendar (RFC 5545): each holiday is an all-day event named in Chinese and English;
each make-up working day (调休上班) is an event too, marked X-XIAONENG-KIND:makeup and
category 调休上班; the notice is the event's URL. --json is --format json.`,
		examples: []string{
			"xn calendar export --format ics > cn-mainland.ics",
			"xn calendar export --format json -o cn-mainland.json",
			"xn calendar export --calendar holidays.ics --format json   # convert",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			format := fs.String("format", "json", "json or ics")
			out := fs.String("o", "", "write to `FILE` instead of standard output")
			return func(r *runner, args []string) error {
				if err := want(args, 0, ""); err != nil {
					return err
				}
				if r.json && *format != "json" {
					return usagef("--json and --format %s disagree", *format)
				}
				if r.extend != "" {
					return usagef("--extend-through is an option, not data: it is not exported")
				}
				b, _, err := r.svc.Export(api.ExportRequest{Format: *format})
				if err != nil {
					return err
				}
				if *out != "" {
					if err := os.WriteFile(*out, b, 0o644); err != nil {
						return api.Errorf(api.CodeBadRequest, "cannot write %s: %v", *out, err)
					}
					return nil
				}
				_, err = r.env.stdout().Write(b)
				return err
			}
		},
	},
}

func writeProblems(w io.Writer, name string, ps []api.Problem) {
	fmt.Fprintf(w, "%s: not valid, %d problem(s):\n", name, len(ps))
	for _, p := range ps {
		fmt.Fprintf(w, "  - %s\n", p.Message)
	}
}

func writeShow(w io.Writer, res api.ShowResponse) {
	fmt.Fprintf(w, "%s %s (%s), %d", res.Calendar.Name, res.Calendar.NameEN, res.Calendar.ID, res.Year)
	if res.From[5:] != "01-01" || res.To[5:] != "12-31" {
		fmt.Fprintf(w, ", covered %s to %s", res.From, res.To)
	}
	fmt.Fprintf(w, "\n工作日 Working days %d · 休息日 Rest days %d\n\n", res.WorkingDays, res.RestDays)
	t := &table{}
	t.row("月 Month", "工作日 Working", "休息日 Rest")
	for _, m := range res.Months {
		if m.WorkingDays+m.RestDays == 0 {
			continue
		}
		t.row(fmt.Sprintf("%d-%02d", res.Year, m.Month), strconv.Itoa(m.WorkingDays), strconv.Itoa(m.RestDays))
	}
	t.write(w)
	if len(res.Days) > 0 {
		fmt.Fprintln(w, "\n节假日与调休 Holidays and make-up working days")
		t := &table{}
		for _, d := range res.Days {
			name := d.Name
			if d.NameEN != "" {
				name += " " + d.NameEN
			}
			t.row(d.Date, d.Weekday[:3], d.KindZH, d.Kind, name)
		}
		t.write(w)
	}
	if len(res.Notices) > 0 {
		fmt.Fprintln(w, "\n通知 Notices")
		for _, n := range res.Notices {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	writeCitations(w, res.Citations)
}
