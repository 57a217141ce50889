package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

var accountabilityCommands = []command{
	{
		path: "accountability evaluate", args: "RECORDS.json", calendar: true, procedure: true,
		summary: "apply the efficiency rules to case records and report findings and sanctions",
		detail: `RECORDS.json is an accountability.Input: {"records": [{"unit", "case", "register",
"exemptions"}], "inquiries": [...], "roster": {"officers": [...], "absences": [...]}}, the cases
as procedure.Case writes them. The report lists the findings per rule, unit and officer, each
with the provision it applies, and the measures of the sanction ladder (--ladder).
Exits 1 when there is any finding, warnings (yellow and red lights) included.`,
		examples: []string{
			"xn accountability evaluate records.json --as-of 2025-12-31",
			"xn accountability evaluate records.json --as-of 2025-12-31 --ladder zhejiang --json",
			"xn accountability evaluate records.json --as-of 2025-12-31 --rules time-limit,one-time-notice",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			asOf := fs.String("as-of", "", "judge the records as of `DATE` (default today)")
			ladder := fs.String("ladder", "none", "sanction ladder: zhejiang, county, none, or a ladder `FILE` (accountability.LadderSpec)")
			thresholds := fs.String("thresholds", "", "thresholds in `FILE` (accountability.Thresholds JSON)")
			var rules listFlag
			fs.Var(&rules, "rules", "evaluate only these `RULES` (comma-separated): "+strings.Join(ruleIDs(), ", "))
			var defs repeatFlag
			fs.Var(&defs, "definition", "a procedure definition of your own in `FILE` (repeatable)")
			scorecard := fs.String("scorecard", "", "rank the units on the scorecard in `FILE` (accountability.ScorecardSpec), with --scores")
			scores := fs.String("scores", "", "the units' indicator values in `FILE` (a list of accountability.UnitScores)")
			return func(r *runner, args []string) error {
				if err := want(args, 1, "RECORDS.json"); err != nil {
					return err
				}
				req := api.EvaluateRequest{AsOf: *asOf, CalendarOptions: r.calOpts(), ProcedureOptions: r.proc}
				if req.AsOf == "" {
					req.AsOf = today(r)
				}
				if err := r.readJSON(args[0], &req.Input); err != nil {
					return err
				}
				switch *ladder {
				case "zhejiang", "county", "none":
					req.Ladder, _ = json.Marshal(*ladder)
				default:
					data, err := r.readFile(*ladder)
					if err != nil {
						return err
					}
					req.Ladder = data
				}
				if *thresholds != "" {
					req.Thresholds = new(accountability.Thresholds)
					if err := r.readJSON(*thresholds, req.Thresholds); err != nil {
						return err
					}
				}
				for _, id := range rules {
					req.Rules = append(req.Rules, accountability.RuleID(id))
				}
				for _, d := range defs {
					data, err := r.readFile(d)
					if err != nil {
						return err
					}
					req.Definitions = append(req.Definitions, data)
				}
				if (*scorecard == "") != (*scores == "") {
					return usagef("--scorecard and --scores go together")
				}
				if *scorecard != "" {
					req.Scorecard = new(accountability.ScorecardSpec)
					if err := r.readJSON(*scorecard, req.Scorecard); err != nil {
						return err
					}
					if err := r.readJSON(*scores, &req.Scores); err != nil {
						return err
					}
				}
				rep, err := r.svc.Evaluate(req)
				if err != nil {
					return err
				}
				if err := r.print(rep, func(w io.Writer) {
					io.WriteString(w, rep.Text())
					if len(rep.Findings) == 0 {
						fmt.Fprintf(w, "  无 None: no findings as of %s.\n", req.AsOf)
					}
				}); err != nil {
					return err
				}
				if len(rep.Findings) > 0 {
					return errFinding
				}
				return nil
			}
		},
	},
}

func ruleIDs() []string {
	var out []string
	for _, r := range accountability.Rules() {
		out = append(out, string(r.ID))
	}
	return out
}

func today(r *runner) string {
	return dateOf(r.env.now())
}
